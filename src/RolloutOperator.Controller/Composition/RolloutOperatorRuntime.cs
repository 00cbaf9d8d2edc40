using k8s;
using Microsoft.Extensions.Logging;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Controller.Analysis.Background;
using RolloutOperator.Controller.Caching;
using RolloutOperator.Controller.Events;
using RolloutOperator.Controller.Notifications;
using RolloutOperator.Controller.Outbound;
using RolloutOperator.Controller.Reconciliation;
using RolloutOperator.Controller.Status;
using RolloutOperator.Controller.Tracing;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Runtime.Controllers;
using RolloutOperator.Runtime.Health;
using RolloutOperator.Runtime.Informers;
using RolloutOperator.Runtime.Memory;
using RolloutOperator.Runtime.Metrics;
using RolloutOperator.Runtime.Queue;

namespace RolloutOperator.Controller.Composition;

/// <summary>
/// The Rollout controller as a unit the host runs: informers (on every instance, so a failover starts warm), and the
/// work queue with its workers (only while leading).
/// </summary>
public sealed class RolloutOperatorRuntime : IDisposable
{
    public const string ControllerName = "rollout";

    /// <summary>How often the end of the start-up is checked for (then the heap is compacted once).</summary>
    public static readonly TimeSpan StartupCheckInterval = TimeSpan.FromSeconds(1);
    private readonly RolloutInformers _informers;
    private readonly WorkQueue<ObjectKey> _queue;
    private readonly Controller<ObjectKey> _controller;
    private readonly NotificationDispatcher? _notifications;
    private readonly BackgroundMeasurements _background;
    private readonly HeapCompaction _compaction;
    private readonly TimeProvider _time;
    private volatile bool _controllerStarted;

    internal RolloutOperatorRuntime(
        IKubernetes client,
        RolloutControllerOptions options,
        TrafficRouterRegistry routers,
        IMeasurementService measurements,
        RuntimeMetrics runtimeMetrics,
        RolloutMetrics rolloutMetrics,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        IOutboundHttp? outbound = null,
        NotificationDispatcher? notifications = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _compaction = options.StartupCompaction;
        _time = time;
        _informers = new RolloutInformers(client, options, time, runtimeMetrics, loggerFactory);
        _queue = new WorkQueue<ObjectKey>(new WorkQueueOptions { Name = ControllerName }, time, runtimeMetrics);
        var eventOptions = new EventRecorderOptions(options.InstanceName) { DedupeWindow = options.EventDedupeWindow };

        // A measurement that finishes in the background wakes its Rollout through the work queue, like a watch event.
        _background = new BackgroundMeasurements(measurements, options.Measurements, time, _queue.Add, loggerFactory.CreateLogger<BackgroundMeasurements>());
        var reconciler = RolloutReconcilerFactory.Create(
            client, _informers.Caches, routers, measurements, rolloutMetrics, eventOptions, time, loggerFactory, options.ProviderPolicy, outbound, notifications,
            new RolloutTracer(options.Tracing), _background);
        _notifications = notifications;
        notifications?.Connect(new NotificationFeedback(
            _queue.Add, new EventRecorder(client, eventOptions, time, loggerFactory.CreateLogger<EventRecorder>())));
        Reconciler = reconciler;
        _controller = new Controller<ObjectKey>(
            new ControllerOptions { Name = ControllerName, Workers = options.Workers, ReconcileTimeout = options.ReconcileTimeout },
            _queue, reconciler, time, runtimeMetrics, loggerFactory.CreateLogger<Controller<ObjectKey>>());
        WatchHandlers.Register(_informers, _queue);
    }

    /// <summary>Informers for health checks: liveness from their watch loops, readiness from their initial sync.</summary>
    public IReadOnlyList<IInformerHealth> Informers => _informers.All;

    internal RolloutReconciler Reconciler { get; }

    internal RolloutCaches Caches => _informers.Caches;

    /// <summary>
    /// Runs every informer. Once all have synced and the start-up is over (the first pass over every Rollout has drained,
    /// or no pass runs because this instance does not lead), the garbage of the initial lists is returned once
    /// (<see cref="HeapCompaction"/>). Not at the moment of sync: the workers start then, and a blocking collection would
    /// stall the first pass.
    /// </summary>
    public Task RunInformersAsync(CancellationToken cancellationToken) => Task.WhenAll(
        _informers.RunAsync(cancellationToken),
        _compaction.CompactAfterAsync(StartupOverAsync, cancellationToken));

    private async Task StartupOverAsync(CancellationToken cancellationToken)
    {
        await WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
        await HeapCompaction.QuietAsync(() => !_controllerStarted || _queue.Depth == 0, StartupCheckInterval, _time, cancellationToken).ConfigureAwait(false);
    }

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _informers.WaitForSyncAsync(cancellationToken);

    /// <summary>Runs the workers once every cache has synced (a reconcile on a half-filled cache would act on a partial world).</summary>
    public async Task RunControllerAsync(CancellationToken cancellationToken)
    {
        await WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
        _controllerStarted = true;
        foreach (var rollout in _informers.Caches.Rollouts.List())
        {
            // Keys added before this instance led were queued too, but a fresh leader re-checks everything anyway.
            _queue.Add(ObjectKey.Of(rollout), WatchHandlers.HasUnobservedSpec(rollout));
        }

        try
        {
            // Notifications are delivered by the leader only, next to the workers that record them.
            await Task.WhenAll(
                _controller.RunAsync(cancellationToken),
                _notifications?.RunAsync(cancellationToken) ?? Task.CompletedTask).ConfigureAwait(false);
        }
        finally
        {
            // Measurements still running belong to this instance's leadership: none may report after it ends.
            _background.Stop();
        }
    }

    public void Dispose()
    {
        _background.Dispose();
        _queue.Dispose();
    }
}
