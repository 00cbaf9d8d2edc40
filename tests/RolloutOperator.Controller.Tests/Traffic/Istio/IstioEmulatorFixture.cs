using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using RolloutOperator.ApiEmulator;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Tests.Traffic.Istio;

/// <summary>One emulator with the upstream Istio CRDs (VirtualService, DestinationRule) per test class; every test works in its own namespace.</summary>
public sealed class IstioEmulatorFixture : IAsyncLifetime
{
    public const string Group = "networking.istio.io";

    public ApiServerEmulator Emulator { get; private set; } = null!;

    public Kubernetes Client { get; private set; } = null!;

    public static CancellationToken Ct => CancellationToken.None;

    public async Task InitializeAsync()
    {
        Emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions(), Ct);
        await Emulator.InstallCustomResourceDefinitionsAsync(RolloutOperator.Testing.TestPaths.IstioCrds, Ct);
        Client = new Kubernetes(Emulator.CreateClientConfiguration());
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }

    public async Task<string> NewNamespaceAsync()
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..10];
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, cancellationToken: Ct);
        return name;
    }

    public int WritesIn(string @namespace) =>
        Emulator.Requests.Writes().Count(r => r.Request.Namespace == @namespace);

    internal static TrafficRoutingContext Context(string @namespace, IstioRouting istio) => new(
        @namespace,
        "web",
        new V1OwnerReference { ApiVersion = ApiGroup.ApiVersion, Kind = "Rollout", Name = "web", Uid = "0b4c7e5e-2f0e-4c55-9d3c-4b0c7c1b9a01" },
        new TrafficRouting { Istio = istio },
        "web-stable",
        "web-canary");

    public async Task CreateAsync(string plural, string @namespace, string json)
    {
        var body = JsonNode.Parse(json)!.AsObject();
        body["metadata"]!["namespace"] = @namespace;
        await Client.CustomObjects.CreateNamespacedCustomObjectAsync(body, Group, "v1", @namespace, plural, cancellationToken: Ct);
    }

    public async Task<JsonObject> GetAsync(string plural, string @namespace, string name)
    {
        var result = (JsonElement)await Client.CustomObjects.GetNamespacedCustomObjectAsync(Group, "v1", @namespace, plural, name, Ct);
        return JsonNode.Parse(result.GetRawText())!.AsObject();
    }

    /// <summary>A Service selecting one revision, as the operator leaves the stable and canary Services.</summary>
    public async Task CreateServiceAsync(string @namespace, string name, string revision)
    {
        var service = new V1Service
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace },
            Spec = new V1ServiceSpec
            {
                Selector = new Dictionary<string, string> { ["app"] = "web", [ApiGroup.RevisionLabel] = revision },
                Ports = [new V1ServicePort { Port = 8080 }],
            },
        };
        await Client.CoreV1.CreateNamespacedServiceAsync(service, @namespace, cancellationToken: Ct);
    }

    public async Task PointServiceAsync(string @namespace, string name, string revision)
    {
        var patch = new JsonObject { ["spec"] = new JsonObject { ["selector"] = new JsonObject { [ApiGroup.RevisionLabel] = revision } } };
        await Client.CoreV1.PatchNamespacedServiceAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), name, @namespace, cancellationToken: Ct);
    }
}
