using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Prometheus;
using RolloutOperator.ApiEmulator;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Controller.Caching;
using RolloutOperator.Controller.Composition;
using RolloutOperator.Controller.Events;
using RolloutOperator.Controller.Notifications;
using RolloutOperator.Controller.Reconciliation;
using RolloutOperator.Controller.Status;
using RolloutOperator.Controller.Tracing;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Controller.Traffic.Alb;
using RolloutOperator.Controller.Traffic.GatewayApi;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Model;
using RolloutOperator.Runtime.Controllers;
using RolloutOperator.Runtime.Informers;
using RolloutOperator.Runtime.Metrics;

namespace RolloutOperator.Controller.Tests.Reconciliation;

/// <summary>
/// The emulator with our CRDs, real informers over a real client, and a reconciler driven by hand on a fake clock.
/// Before each reconcile the caches are brought level with the server, so every test step is deterministic.
/// </summary>
internal sealed class ControllerHarness : IAsyncDisposable
{
    public static string Crds => RolloutOperator.Testing.TestPaths.Crds;
    private readonly CancellationTokenSource _stop = new();
    private RolloutInformers _informers = null!;
    private Task _informersRunning = Task.CompletedTask;

    public ApiServerEmulator Emulator { get; private set; } = null!;

    public Kubernetes Client { get; private set; } = null!;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public FakeMeasurementService Measurements { get; } = new();

    public CollectorRegistry Registry { get; } = Prometheus.Metrics.NewCustomRegistry();

    public string Namespace { get; } = "apps";

    public RolloutReconciler Reconciler { get; private set; } = null!;

    /// <summary>The informer caches the reconciler reads, exactly as the host builds them.</summary>
    public RolloutCaches Caches => _informers.Caches;

    public static CancellationToken Ct => CancellationToken.None;

    /// <param name="gatewayApi">Also install the upstream Gateway API CRDs and register the Gateway API router.</param>
    /// <param name="measurements">Builds, on the harness clock, what takes the measurements instead of <see cref="Measurements"/>.</param>
    /// <param name="outboundAllowedHosts">The operator's --outbound-allowed-hosts (empty: all hosts).</param>
    /// <param name="notifications">Delivers the Rollouts' notifications (none when null).</param>
    /// <param name="tracing">Record traces in status and emit rollout spans (docs/tracing.md).</param>
    public static async Task<ControllerHarness> StartAsync(
        bool gatewayApi = false,
        Func<TimeProvider, IMeasurementService>? measurements = null,
        string outboundAllowedHosts = "",
        NotificationDispatcher? notifications = null,
        bool tracing = false)
    {
        var harness = new ControllerHarness();
        await harness.InitializeAsync(gatewayApi, measurements, outboundAllowedHosts, notifications, tracing);
        return harness;
    }

    private async Task InitializeAsync(
        bool gatewayApi, Func<TimeProvider, IMeasurementService>? measurements, string outboundAllowedHosts, NotificationDispatcher? notifications, bool tracing)
    {
        Emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions(), Ct);
        await Emulator.InstallCustomResourceDefinitionsAsync(Crds, Ct);
        if (gatewayApi)
        {
            await Emulator.InstallCustomResourceDefinitionsAsync(RolloutOperator.Testing.TestPaths.GatewayApiCrds, Ct);
        }

        Client = new Kubernetes(Emulator.CreateClientConfiguration());
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } }, cancellationToken: Ct);
        var options = new RolloutControllerOptions { InstanceName = "test-pod", Namespaces = [Namespace] };
        var runtimeMetrics = new RuntimeMetrics(Registry);
        _informers = new RolloutInformers(Client, options, TimeProvider.System, runtimeMetrics, NullLoggerFactory.Instance);
        _informersRunning = _informers.RunAsync(_stop.Token);
        await _informers.WaitForSyncAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10));
        _measurementService = measurements?.Invoke(Clock) ?? Measurements;
        _gatewayApi = gatewayApi;
        _policy = OutboundPolicy(outboundAllowedHosts);
        _notifications = notifications;
        _tracer = new RolloutTracer(tracing);
        Reconciler = NewReconciler();
    }

    private static ProviderPolicy OutboundPolicy(string hosts)
    {
        Assert.True(HostAllowList.TryParse(hosts, out var list, out var error), error);
        return ProviderPolicy.Default with { OutboundHosts = list };
    }

    private IMeasurementService _measurementService = null!;
    private bool _gatewayApi;
    private ProviderPolicy _policy = ProviderPolicy.Default;
    private RolloutTracer _tracer = RolloutTracer.Disabled;
    private NotificationDispatcher? _notifications;

    /// <summary>A reconciler with no memory of earlier passes, as after an operator restart; it replaces <see cref="Reconciler"/>.</summary>
    public RolloutReconciler Restart() => Reconciler = NewReconciler();

    private RolloutReconciler NewReconciler() => RolloutReconcilerFactory.Create(
        Client, _informers.Caches, Routers(_gatewayApi), _measurementService, new RolloutMetrics(Registry),
        new EventRecorderOptions("test-pod"), Clock, NullLoggerFactory.Instance, _policy, notifications: _notifications, tracer: _tracer);

    /// <summary>The ALB router works on core Ingresses, so it is always there; Gateway API needs its CRDs.</summary>
    private TrafficRouterRegistry Routers(bool gatewayApi)
    {
        ITrafficRouter alb = new AlbTrafficRouter(Client, NullLogger<AlbTrafficRouter>.Instance);
        return new(gatewayApi ? [new GatewayApiTrafficRouter(Client, NullLogger<GatewayApiTrafficRouter>.Instance), alb] : [alb]);
    }

    public async Task<ReconcileResult> ReconcileAsync(string name = RolloutManifests.Name)
    {
        await SettleAsync();
        return await Reconciler.ReconcileAsync(new ObjectKey(Namespace, name), Ct);
    }

    /// <summary>Reconciles until the predicate holds on the live Rollout, advancing the clock by each requested requeue.</summary>
    public async Task<Rollout> ReconcileUntilAsync(Func<Rollout, bool> done, int maxReconciles = 20)
    {
        for (var i = 0; i < maxReconciles; i++)
        {
            var result = await ReconcileAsync();
            var rollout = await GetRolloutAsync();
            if (done(rollout))
            {
                return rollout;
            }

            Clock.Advance(Step(result));
        }

        throw new TimeoutException($"condition not reached after {maxReconciles} reconciles; status: {JsonSerializer.Serialize((await GetRolloutAsync()).Status)}");
    }

    /// <summary>
    /// How far the clock moves between reconciles: the requested requeue, but at most a few seconds, so that a far-off
    /// wake-up (the progress deadline) is not mistaken for time that passed.
    /// </summary>
    public static TimeSpan Step(ReconcileResult result) =>
        result.RequeueAfter is { } after && after < TimeSpan.FromSeconds(5) ? after : TimeSpan.FromSeconds(5);

    /// <summary>Waits until every cache holds exactly what the server holds in the test namespace.</summary>
    public async Task SettleAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await InSyncAsync())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("informer caches did not catch up with the emulator");
            }

            await Task.Delay(10);
        }
    }

    private async Task<bool> InSyncAsync()
    {
        var rollouts = await Client.CustomObjects.ListNamespacedCustomObjectAsync<KubernetesList<Rollout>>(
            ApiResources.Rollouts.Group, ApiResources.Rollouts.Version, Namespace, ApiResources.Rollouts.Plural, cancellationToken: Ct);
        var deployments = await Client.AppsV1.ListNamespacedDeploymentAsync(Namespace, cancellationToken: Ct);
        var services = await Client.CoreV1.ListNamespacedServiceAsync(Namespace, cancellationToken: Ct);
        var jobs = await Client.BatchV1.ListNamespacedJobAsync(Namespace, cancellationToken: Ct);
        return Same(rollouts.Items, _informers.Caches.Rollouts)
            && Same([.. deployments.Items.Where(IsRevision)], _informers.Caches.Deployments)
            && Same([.. deployments.Items.Where(d => !IsRevision(d))], _informers.Caches.Workloads)
            && Same(services.Items, _informers.Caches.Services)
            && Same(jobs.Items, _informers.Caches.Jobs);
    }

    private static bool IsRevision(V1Deployment deployment) =>
        deployment.Metadata.Labels?.ContainsKey(RolloutApi.RolloutLabel) == true;

    private bool Same<T>(IList<T> live, IObjectCache<T> cache)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        cache.List(Namespace).Count == live.Count
        && live.All(item => cache.Find(ObjectKey.Of(item))?.Metadata.ResourceVersion == item.Metadata.ResourceVersion);

    public async Task CreateRolloutAsync(JsonObject manifest) =>
        await Client.CustomObjects.CreateNamespacedCustomObjectAsync(
            manifest, ApiResources.Rollouts.Group, ApiResources.Rollouts.Version, Namespace, ApiResources.Rollouts.Plural, cancellationToken: Ct);

    public async Task PatchRolloutAsync(JsonObject mergePatch, string name = RolloutManifests.Name) =>
        await Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(mergePatch.ToJsonString(), V1Patch.PatchType.MergePatch),
            ApiResources.Rollouts.Group, ApiResources.Rollouts.Version, Namespace, ApiResources.Rollouts.Plural, name, cancellationToken: Ct);

    public Task SetImageAsync(string image) => PatchRolloutAsync(JsonNode.Parse($$"""
        {"spec":{"template":{"spec":{"containers":[{"name":"web","image":"{{image}}"}]} } } }
        """)!.AsObject());

    public Task CommandAsync(string action, string revision, string id) => PatchRolloutAsync(new JsonObject
    {
        ["metadata"] = new JsonObject
        {
            ["annotations"] = new JsonObject
            {
                [RolloutApi.CommandAnnotation] = new JsonObject { ["action"] = action, ["revision"] = revision, ["id"] = id }.ToJsonString(),
            },
        },
    });

    public async Task<Rollout> GetRolloutAsync(string name = RolloutManifests.Name)
    {
        var result = (JsonElement)await Client.CustomObjects.GetNamespacedCustomObjectAsync(
            ApiResources.Rollouts.Group, ApiResources.Rollouts.Version, Namespace, ApiResources.Rollouts.Plural, name, Ct);
        return KubernetesJson.Deserialize<Rollout>(result.GetRawText());
    }

    public async Task CreateServicesAsync(params string[] names)
    {
        foreach (var name in names)
        {
            var service = KubernetesJson.Deserialize<V1Service>(RolloutManifests.Service(Namespace, name).ToJsonString());
            await Client.CoreV1.CreateNamespacedServiceAsync(service, Namespace, cancellationToken: Ct);
        }
    }

    public async Task<IDictionary<string, string>> SelectorOfAsync(string service) =>
        (await Client.CoreV1.ReadNamespacedServiceAsync(service, Namespace, cancellationToken: Ct)).Spec.Selector;

    public async Task<IReadOnlyList<V1Deployment>> DeploymentsAsync() =>
        [.. (await Client.AppsV1.ListNamespacedDeploymentAsync(Namespace, cancellationToken: Ct)).Items.OrderBy(d => d.Metadata.CreationTimestamp)];

    public async Task<IReadOnlyList<JsonObject>> EventsAsync()
    {
        var result = (JsonElement)await Client.CustomObjects.ListNamespacedCustomObjectAsync("events.k8s.io", "v1", Namespace, "events", cancellationToken: Ct);
        var items = JsonNode.Parse(result.GetRawText())!["items"]!.AsArray();
        return [.. items.Select(i => i!.AsObject())];
    }

    public int WritesTo(string resource, string? subresource = null) =>
        Emulator.Requests.Writes().Count(r => r.Request.Resource == resource && r.Request.Subresource == subresource && r.Request.Namespace == Namespace);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _informersRunning.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        Client.Dispose();
        await Emulator.DisposeAsync();
        _stop.Dispose();
    }
}
