using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using RolloutOperator.ApiEmulator;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Tests.Traffic;

/// <summary>One emulator with the upstream Gateway API CRDs per test class; every test works in its own namespace.</summary>
public sealed class TrafficEmulatorFixture : IAsyncLifetime
{
    public static string GatewayCrds => RolloutOperator.Testing.TestPaths.GatewayApiCrds;

    public ApiServerEmulator Emulator { get; private set; } = null!;

    public Kubernetes Client { get; private set; } = null!;

    public static CancellationToken Ct => CancellationToken.None;

    public async Task InitializeAsync()
    {
        Emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions(), Ct);
        await Emulator.InstallCustomResourceDefinitionsAsync(GatewayCrds, Ct);

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

    /// <summary>Write requests the emulator served in one namespace (other tests of the class may run before or after).</summary>
    public int WritesIn(string @namespace) =>
        Emulator.Requests.Writes().Count(r => r.Request.Namespace == @namespace);

    internal static TrafficRoutingContext Context(string @namespace, TrafficRouting routing) => new(
        @namespace,
        "web",
        new V1OwnerReference { ApiVersion = ApiGroup.ApiVersion, Kind = "Rollout", Name = "web", Uid = "0b4c7e5e-2f0e-4c55-9d3c-4b0c7c1b9a01" },
        routing,
        "web-stable",
        "web-canary");

    public async Task CreateRouteAsync(string plural, string @namespace, string json)
    {
        var body = JsonNode.Parse(json)!.AsObject();
        body["metadata"]!["namespace"] = @namespace;
        await Client.CustomObjects.CreateNamespacedCustomObjectAsync(body, "gateway.networking.k8s.io", "v1", @namespace, plural, cancellationToken: Ct);
    }

    public async Task<JsonObject> GetRouteAsync(string plural, string @namespace, string name)
    {
        var result = (JsonElement)await Client.CustomObjects.GetNamespacedCustomObjectAsync("gateway.networking.k8s.io", "v1", @namespace, plural, name, Ct);
        return JsonNode.Parse(result.GetRawText())!.AsObject();
    }
}
