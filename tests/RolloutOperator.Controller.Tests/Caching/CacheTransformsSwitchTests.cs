using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.ApiEmulator;
using RolloutOperator.Controller.Composition;
using RolloutOperator.Runtime.Metrics;

namespace RolloutOperator.Controller.Tests.Caching;

/// <summary>
/// The diagnostic switch the scale benchmark uses to measure what the transforms save: on (the default) the cached
/// Deployment (a user Deployment, so in the workload cache) has no managedFields; off it is cached whole.
/// </summary>
public sealed class CacheTransformsSwitchTests
{
    private const string Namespace = "apps";

    private static CancellationToken Ct => CancellationToken.None;

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task CachedDeployment_TransformsSwitch_DecidesWhetherManagedFieldsAreKept(bool transforms, bool managedFieldsCached)
    {
        await using var emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions(), Ct);
        await emulator.InstallCustomResourceDefinitionsAsync(RolloutOperator.Testing.TestPaths.Crds, Ct);
        using var client = new Kubernetes(emulator.CreateClientConfiguration());
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } }, cancellationToken: Ct);
        await client.AppsV1.CreateNamespacedDeploymentAsync(Deployment(), Namespace, fieldManager: "kubectl", cancellationToken: Ct);
        var options = new RolloutControllerOptions { InstanceName = "test-pod", Namespaces = [Namespace], CacheTransforms = transforms };
        var informers = new RolloutInformers(client, options, TimeProvider.System, RuntimeMetrics.CreateIsolated(), NullLoggerFactory.Instance);
        using var stop = new CancellationTokenSource();
        var running = informers.RunAsync(stop.Token);

        await informers.WaitForSyncAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10));
        var cached = informers.Caches.Workloads.Find(Namespace, "web");

        Assert.NotNull(cached);
        Assert.Equal(managedFieldsCached, cached.Metadata.ManagedFields is { Count: > 0 });
        await stop.CancelAsync();
        await running.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static V1Deployment Deployment() => new()
    {
        Metadata = new V1ObjectMeta { Name = "web" },
        Spec = new V1DeploymentSpec
        {
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web" } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "web:1" }] },
            },
        },
    };
}
