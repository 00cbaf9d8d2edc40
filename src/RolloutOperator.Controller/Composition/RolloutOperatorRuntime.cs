using k8s;
using Microsoft.Extensions.Logging;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Controller.Analysis.Background;
using RolloutOperator.Controller.Events;
using RolloutOperator.Controller.Reconciliation;
using RolloutOperator.Controller.Status;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Runtime.Controllers;
using RolloutOperator.Runtime.Health;
using RolloutOperator.Runtime.Informers;
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
    private readonly RolloutInformers _informers;
    private readonly WorkQueue<ObjectKey> _queue;
    private readonly Controller<ObjectKey> _controller;
    private readonly BackgroundMeasurements _background;

    public RolloutOperatorRuntime(
        IKubernetes client,
        RolloutControllerOptions options,
        TrafficRouterRegistry routers,
        IMeasurementService measurements,
        RuntimeMetrics runtimeMetrics,
        RolloutMetrics rolloutMetrics,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _informers = new RolloutInformers(client, options, time, runtimeMetrics, loggerFactory);
        _queue = new WorkQueue<ObjectKey>(new WorkQueueOptions { Name = ControllerName }, time, runtimeMetrics);
        // A measurement that finishes in the background wakes its Rollout through the work queue, like a watch event.
        _background = new BackgroundMeasurements(measurements, options.Measurements, time, _queue.Add, loggerFactory.CreateLogger<BackgroundMeasurements>());
        var reconciler = RolloutReconcilerFactory.Create(
            client, _informers.Caches, routers, measurements, rolloutMetrics,
            new EventRecorderOptions(options.InstanceName) { DedupeWindow = options.EventDedupeWindow }, time, loggerFactory, options.ProviderPolicy, _background);
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

    public Task RunInformersAsync(CancellationToken cancellationToken) => _informers.RunAsync(cancellationToken);

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _informers.WaitForSyncAsync(cancellationToken);

    /// <summary>Runs the workers once every cache has synced (a reconcile on a half-filled cache would act on a partial world).</summary>
    public async Task RunControllerAsync(CancellationToken cancellationToken)
    {
        await WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
        foreach (var rollout in _informers.Caches.Rollouts.List())
        {
            // Keys added before this instance led were queued too, but a fresh leader re-checks everything anyway.
            _queue.Add(ObjectKey.Of(rollout));
        }

        try
        {
            await _controller.RunAsync(cancellationToken).ConfigureAwait(false);
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
