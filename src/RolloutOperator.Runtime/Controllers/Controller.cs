using Microsoft.Extensions.Logging;
using RolloutOperator.Runtime.Metrics;
using RolloutOperator.Runtime.Queue;

namespace RolloutOperator.Runtime.Controllers;

/// <summary>
/// Runs N workers that take keys from the queue and reconcile them. The queue guarantees one
/// reconcile per key at a time; this loop decides what happens to the key afterwards.
/// </summary>
public sealed class Controller<TKey>
    where TKey : notnull
{
    private readonly ControllerOptions _options;
    private readonly IReconciler<TKey> _reconciler;
    private readonly TimeProvider _timeProvider;
    private readonly RuntimeMetrics _metrics;
    private readonly ILogger _logger;
    private long _reconcileIds;

    public Controller(
        ControllerOptions options,
        WorkQueue<TKey> queue,
        IReconciler<TKey> reconciler,
        TimeProvider timeProvider,
        RuntimeMetrics metrics,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(reconciler);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Workers, 1);
        _options = options;
        Queue = queue;
        _reconciler = reconciler;
        _timeProvider = timeProvider;
        _metrics = metrics;
        _logger = logger;
    }

    public string Name => _options.Name;

    public WorkQueue<TKey> Queue { get; }

    /// <summary>Runs the workers until the token is cancelled; then shuts the queue down.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        ControllerLog.Starting(_logger, Name, _options.Workers);
        using (cancellationToken.Register(Queue.ShutDown))
        {
            var workers = Enumerable.Range(0, _options.Workers)
                .Select(_ => Task.Run(() => WorkerLoopAsync(cancellationToken), CancellationToken.None))
                .ToArray();
            await Task.WhenAll(workers).ConfigureAwait(false);
        }

        // Workers may see the cancelled token and return before the registered callback has run
        // (CancelAsync runs callbacks later, and disposing the registration skips them).
        Queue.ShutDown();

        ControllerLog.Stopped(_logger, Name);
    }

    private async Task WorkerLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            WorkQueueItem<TKey>? item;
            try
            {
                item = await Queue.GetAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (item is not { } next)
            {
                return;
            }

            await ProcessAsync(next.Key, next.Priority, stopping).ConfigureAwait(false);
        }
    }

    private async Task ProcessAsync(TKey key, bool priority, CancellationToken stopping)
    {
        // Scoped to this async method: the worker loop's flow is unmarked again when it returns.
        ReconcilePriority.Set(priority);
        var keyText = key.ToString() ?? string.Empty;
        var reconcileId = Interlocked.Increment(ref _reconcileIds);
        using var scope = ControllerLog.ReconcileScope(_logger, Name, keyText, reconcileId);
        var started = _timeProvider.GetTimestamp();
        var outcome = ReconcileOutcome.Error;
        try
        {
            outcome = await ReconcileOnceAsync(key, keyText, stopping).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A worker must survive anything a reconciler or the queue throws.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ControllerLog.WorkerError(_logger, ex, Name);
        }
        finally
        {
            Queue.Done(key);
        }

        var elapsed = _timeProvider.GetElapsedTime(started);
        _metrics.RecordReconcile(Name, outcome, elapsed);
        ControllerLog.Reconciled(_logger, keyText, elapsed.TotalMilliseconds, outcome);
    }

    private async Task<string> ReconcileOnceAsync(TKey key, string keyText, CancellationToken stopping)
    {
        using var timeout = new CancellationTokenSource(_options.ReconcileTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
        try
        {
            var result = await _reconciler.ReconcileAsync(key, linked.Token).ConfigureAwait(false);
            Queue.Forget(key);
            Queue.Reschedule(key, result.RequeueAfter);
            return result.RequeueAfter is null ? ReconcileOutcome.Success : ReconcileOutcome.Requeue;
        }
        catch (TerminalReconcileException ex)
        {
            Queue.Forget(key);
            Queue.Reschedule(key, null);
            ControllerLog.Terminal(_logger, ex, keyText);
            return ReconcileOutcome.Terminal;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return ReconcileOutcome.Canceled;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            ControllerLog.TimedOut(_logger, keyText, _options.ReconcileTimeout);
            Queue.AddRateLimited(key);
            return ReconcileOutcome.Timeout;
        }
#pragma warning disable CA1031 // Any other failure is transient by contract: retry with backoff.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ControllerLog.Failed(_logger, ex, keyText, Queue.NumRequeues(key) + 1);
            Queue.AddRateLimited(key);
            return ReconcileOutcome.Error;
        }
    }
}
