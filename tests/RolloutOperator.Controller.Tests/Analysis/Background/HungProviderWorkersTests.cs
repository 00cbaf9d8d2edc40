using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.ApiEmulator;
using RolloutOperator.Controller.Analysis.Background;
using RolloutOperator.Controller.Caching;
using RolloutOperator.Controller.Composition;
using RolloutOperator.Controller.Measurements;
using RolloutOperator.Controller.Reconciliation;
using RolloutOperator.Controller.Status;
using RolloutOperator.Controller.Tests.PrometheusProvider;
using RolloutOperator.Controller.Tests.Reconciliation;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Controller.Traffic.Alb;
using RolloutOperator.Core.Api;
using RolloutOperator.Runtime.Metrics;

namespace RolloutOperator.Controller.Tests.Analysis.Background;

/// <summary>
/// The controller with its real work queue and four workers against the emulator: four Rollouts whose provider hangs
/// must not hold the workers, so a fifth Rollout is reconciled, measured and promoted while their queries still wait.
/// </summary>
public sealed class HungProviderWorkersTests
{
    private const string Namespace = "apps";
    private static readonly string[] Hung = ["hung-0", "hung-1", "hung-2", "hung-3"];
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task FourRolloutsOnAHungProvider_AFifthRolloutIsStillMeasuredAndPromoted()
    {
        await using var emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions(), Ct);
        await emulator.InstallCustomResourceDefinitionsAsync(ControllerHarness.Crds, Ct);
        using var client = new Kubernetes(emulator.CreateClientConfiguration());
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } }, cancellationToken: Ct);
        var provider = new GatedProvider();

        // Before the fix a hung query held its worker for the whole measurement budget (here far beyond the test).
        var service = new MeasurementService(provider, new InMemorySecrets(), TimeProvider.System, NullLogger<MeasurementService>.Instance, budget: TimeSpan.FromMinutes(10));
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var options = new RolloutControllerOptions
        {
            InstanceName = "test-pod",
            Namespaces = [Namespace],
            Workers = 4,
            ReconcileTimeout = TimeSpan.FromMinutes(10),
            Measurements = new MeasurementRunnerOptions { InlineWait = TimeSpan.FromMilliseconds(200) },
        };
        using var runtime = new RolloutOperatorRuntime(
            client, options, new TrafficRouterRegistry([new AlbTrafficRouter(client, NullLogger<AlbTrafficRouter>.Instance)]), service,
            new RuntimeMetrics(registry), new RolloutMetrics(registry), TimeProvider.System, NullLoggerFactory.Instance);
        using var stop = new CancellationTokenSource();
        foreach (var name in Hung.Append("healthy"))
        {
            await CreateAsync(client, name, name == "healthy" ? "up" : GatedProvider.HangingQuery);
        }

        var informers = runtime.RunInformersAsync(stop.Token);
        var controller = runtime.RunControllerAsync(stop.Token);
        try
        {
            foreach (var name in Hung.Append("healthy"))
            {
                await WaitForAsync(client, name, r => r.Status?.Phase == RolloutPhase.Healthy, $"{name} healthy on web:1");
            }

            foreach (var name in Hung)
            {
                await SetImageAsync(client, name, "web:2");
            }

            // Every hung Rollout reached its analysis and its query waits: before the fix, on all four workers.
            await GatedProvider.UntilAsync(() => provider.Waiting == Hung.Length, "four hung queries");
            await SetImageAsync(client, "healthy", "web:2");

            var healthy = await WaitForAsync(client, "healthy", r => r.Status?.Phase == RolloutPhase.Healthy && r.Status.History?.Count >= 2 && r.Status.Analyses?.Count > 0, "healthy promoted");

            // The healthy Rollout's measurements were all recorded while the hung ones were still in flight.
            Assert.Equal(Hung.Length, provider.Waiting);
            Assert.Equal(Hung.Length, provider.AskedFor(GatedProvider.HangingQuery));
            var metric = Assert.Single(Assert.Single(healthy.Status!.Analyses!).Metrics);
            Assert.Equal(AnalysisPhase.Successful, metric.Phase);
            Assert.Equal(2, metric.Successful);
            Assert.Equal(2, provider.AskedFor("up"));
            foreach (var name in Hung)
            {
                var hung = await WaitForAsync(client, name, r => r.Status?.Analyses?.FirstOrDefault()?.Metrics.FirstOrDefault()?.InProgress is not null, $"{name} in progress");
                var waiting = Assert.Single(Assert.Single(hung.Status!.Analyses!).Metrics);
                Assert.Empty(waiting.Measurements);
                Assert.Equal(AnalysisPhase.Running, waiting.Phase);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(informers, controller).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static async Task CreateAsync(Kubernetes client, string name, string query)
    {
        foreach (var role in new[] { "stable", "canary" })
        {
            var service = KubernetesJson.Deserialize<V1Service>(RolloutManifests.Service(Namespace, $"{name}-{role}").ToJsonString());
            service.Spec.Selector = new Dictionary<string, string> { ["app"] = name };
            await client.CoreV1.CreateNamespacedServiceAsync(service, Namespace, cancellationToken: Ct);
        }

        var manifest = RolloutManifests.Canary(Namespace, "web:1", Steps(query), replicas: 2);
        manifest["metadata"]!["name"] = name;
        manifest["spec"]!["selector"]!["matchLabels"]!["app"] = name;
        manifest["spec"]!["template"]!["metadata"]!["labels"]!["app"] = name;
        manifest["spec"]!["strategy"]!["canary"]!["stableService"] = $"{name}-stable";
        manifest["spec"]!["strategy"]!["canary"]!["canaryService"] = $"{name}-canary";
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(
            manifest, ApiResources.Rollouts.Group, ApiResources.Rollouts.Version, Namespace, ApiResources.Rollouts.Plural, cancellationToken: Ct);
    }

    private static string Steps(string query) => new JsonArray(
        new JsonObject { ["setWeight"] = 50 },
        new JsonObject
        {
            ["analysis"] = new JsonObject
            {
                ["metrics"] = new JsonArray(new JsonObject
                {
                    ["name"] = "success-rate",
                    ["interval"] = "1s",
                    ["count"] = 2,
                    ["successCondition"] = "result >= 0.99",
                    ["provider"] = new JsonObject
                    {
                        ["prometheus"] = new JsonObject { ["address"] = $"http://{query}.prometheus.test:9090", ["query"] = query, ["timeout"] = "30s" },
                    },
                }),
            },
        }).ToJsonString();

    private static Task SetImageAsync(Kubernetes client, string name, string image) =>
        client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch($$"""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"{{image}}"}]} } } }""", V1Patch.PatchType.MergePatch),
            ApiResources.Rollouts.Group, ApiResources.Rollouts.Version, Namespace, ApiResources.Rollouts.Plural, name, cancellationToken: Ct);

    private static async Task<Model.Rollout> WaitForAsync(Kubernetes client, string name, Func<Model.Rollout, bool> done, string what)
    {
        Model.Rollout rollout = null!;
        try
        {
            await GatedProvider.UntilAsync(
            () =>
            {
                var result = (System.Text.Json.JsonElement)client.CustomObjects.GetNamespacedCustomObject(
                    ApiResources.Rollouts.Group, ApiResources.Rollouts.Version, Namespace, ApiResources.Rollouts.Plural, name);
                rollout = KubernetesJson.Deserialize<Model.Rollout>(result.GetRawText());
                return done(rollout);
            },
            what,
            60);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; status: {System.Text.Json.JsonSerializer.Serialize(rollout.Status)}", e);
        }

        return rollout;
    }
}
