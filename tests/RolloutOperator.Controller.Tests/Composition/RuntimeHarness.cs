using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;
using RolloutOperator.ApiEmulator;
using RolloutOperator.Controller.Caching;
using RolloutOperator.Controller.Composition;
using RolloutOperator.Controller.Reconciliation;
using RolloutOperator.Controller.Status;
using RolloutOperator.Controller.Tests.Reconciliation;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Runtime.Memory;

namespace RolloutOperator.Controller.Tests.Composition;

/// <summary>
/// The whole Rollout controller (informers, queue, workers) as the host runs it, against the emulator, on a clock the test
/// chooses. Counts reconciles from the runtime's own metric.
/// </summary>
internal sealed class RuntimeHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    private RuntimeHarness(TimeProvider time) => Time = time;

    public ApiServerEmulator Emulator { get; private set; } = null!;

    public Kubernetes Client { get; private set; } = null!;

    public RolloutOperatorRuntime Runtime { get; private set; } = null!;

    public TimeProvider Time { get; }

    public CollectorRegistry Registry { get; } = Prometheus.Metrics.NewCustomRegistry();

    public string Namespace { get; } = "apps";

    public static async Task<RuntimeHarness> StartAsync(TimeProvider time, int workers = 1, HeapCompaction? compaction = null)
    {
        var harness = new RuntimeHarness(time);
        harness.Emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await harness.Emulator.InstallCustomResourceDefinitionsAsync(ControllerHarness.Crds, CancellationToken.None);
        harness.Client = new Kubernetes(harness.Emulator.CreateClientConfiguration());
        await harness.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = harness.Namespace } });
        harness.Runtime = new RolloutOperatorRuntime(
            harness.Client,
            new RolloutControllerOptions
            {
                InstanceName = "test-pod",
                Namespaces = [harness.Namespace],
                Workers = workers,
                StartupCompaction = compaction ?? HeapCompaction.Aggressive,
            },
            new TrafficRouterRegistry([]),
            new FakeMeasurementService(),
            new Runtime.Metrics.RuntimeMetrics(harness.Registry),
            new RolloutMetrics(harness.Registry),
            time,
            NullLoggerFactory.Instance);
        return harness;
    }

    /// <summary>Runs the informers only, as an instance that does not lead.</summary>
    public void RunInformers() => _running = Runtime.RunInformersAsync(_stop.Token);

    public void Run()
    {
        var informers = Runtime.RunInformersAsync(_stop.Token);
        var controller = Runtime.RunControllerAsync(_stop.Token);
        _running = Task.WhenAll(informers, controller);
    }

    /// <summary>A canary Rollout named <paramref name="name"/> with its own two Services.</summary>
    public async Task CreateRolloutAsync(string name, string image)
    {
        foreach (var service in new[] { $"{name}-stable", $"{name}-canary" })
        {
            var manifest = RolloutManifests.Service(Namespace, service);
            await Client.CoreV1.CreateNamespacedServiceAsync(KubernetesJson.Deserialize<V1Service>(manifest.ToJsonString()), Namespace);
        }

        var rollout = RolloutManifests.Canary(Namespace, image);
        rollout["metadata"]!["name"] = name;
        rollout["spec"]!["strategy"]!["canary"]!["stableService"] = $"{name}-stable";
        rollout["spec"]!["strategy"]!["canary"]!["canaryService"] = $"{name}-canary";
        await Client.CustomObjects.CreateNamespacedCustomObjectAsync(
            rollout, ApiResources.Rollouts.Group, ApiResources.Rollouts.Version, Namespace, ApiResources.Rollouts.Plural);
    }

    public Task PatchRolloutAsync(string name, string mergePatch) =>
        Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(mergePatch, V1Patch.PatchType.MergePatch),
            ApiResources.Rollouts.Group, ApiResources.Rollouts.Version, Namespace, ApiResources.Rollouts.Plural, name);

    public async Task<IReadOnlyList<JsonObject>> RolloutsAsync()
    {
        var list = await Client.CustomObjects.ListNamespacedCustomObjectAsync(
            ApiResources.Rollouts.Group, ApiResources.Rollouts.Version, Namespace, ApiResources.Rollouts.Plural);
        return [.. JsonNode.Parse(((System.Text.Json.JsonElement)list).GetRawText())!["items"]!.AsArray().Select(i => i!.AsObject())];
    }

    /// <summary>Waits (real time) until every Rollout has reached <paramref name="phase"/> for its current generation.</summary>
    public async Task WaitForAllAsync(string phase, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var rollouts = await RolloutsAsync();
            if (rollouts.All(r => (string?)r["status"]?["phase"] == phase
                && (long?)r["status"]?["observedGeneration"] == (long?)r["metadata"]!["generation"]))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                var stuck = rollouts.Where(r => (string?)r["status"]?["phase"] != phase).Select(r => $"{r["metadata"]!["name"]}: {r["status"]?["phase"]} {r["status"]?["message"]}");
                throw new TimeoutException($"not all Rollouts reached {phase}: {string.Join("; ", stuck.Take(5))}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Reconciles finished so far, any result.</summary>
    public double Reconciles() => Sample("controller_reconcile_total");

    public double QueueDepth() => Sample("workqueue_depth");

    private double Sample(string family)
    {
        using var stream = new MemoryStream();
        Registry.CollectAndExportAsTextAsync(stream).GetAwaiter().GetResult();
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        return text.Split('\n')
            .Where(line => line.StartsWith(family + "{", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        Runtime.Dispose();
        Client.Dispose();
        await Emulator.DisposeAsync();
        _stop.Dispose();
    }
}
