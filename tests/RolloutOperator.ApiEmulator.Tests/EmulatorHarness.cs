using k8s;
using k8s.Autorest;
using k8s.Models;

namespace RolloutOperator.ApiEmulator.Tests;

/// <summary>One emulator plus a real KubernetesClient talking to it over HTTP.</summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    public static string GatewayCrds => RolloutOperator.Testing.TestPaths.GatewayApiCrds;

    private EmulatorHarness(ApiServerEmulator emulator)
    {
        Emulator = emulator;
        Client = new Kubernetes(emulator.CreateClientConfiguration());
    }

    public ApiServerEmulator Emulator { get; }

    public Kubernetes Client { get; }

    public static CancellationToken Ct => TestContext.Current;

    public static async Task<EmulatorHarness> StartAsync(EmulatorOptions? options = null) =>
        new(await ApiServerEmulator.StartAsync(options ?? new EmulatorOptions(), CancellationToken.None));

    public static V1ConfigMap ConfigMap(string name, IDictionary<string, string>? labels = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = labels },
        Data = new Dictionary<string, string> { ["key"] = "value" },
    };

    public static V1Deployment Deployment(string name, int replicas = 2, string image = "nginx:1.27") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = name } },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = image }] },
            },
        },
    };

    public static async Task<HttpOperationException> ExpectError(Func<Task> call)
    {
        return await Assert.ThrowsAsync<HttpOperationException>(call);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
