using Microsoft.Extensions.Logging;
using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Analysis.Background;

/// <summary>
/// Keeps provider queries off the reconcile workers. A reconcile starts each due measurement on a background task and
/// waits at most <see cref="MeasurementRunnerOptions.InlineWait"/> for it; one still running then is reported in
/// progress (Core records its name and start), the worker is free at once, and when it finishes its result is kept
/// here and the Rollout is woken. The next reconcile finds the measurement due with the same deterministic name and
/// takes the result (stamped with its start time), so each measurement is queried once and recorded once. An operator
/// restart loses what was kept: the in-progress measurement is then simply started again.
/// </summary>
internal sealed class BackgroundMeasurements : IDisposable
{
    private readonly IMeasurementService _service;
    private readonly MeasurementRunnerOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<ObjectKey> _wake;
    private readonly ILogger _logger;
    private readonly AddressSlots _slots;
    private readonly SlowAddresses _slow = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationToken _stoppingToken;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, BackgroundMeasurement> _measurements = new(StringComparer.Ordinal);
    private readonly Queue<BackgroundMeasurement> _finished = new();

    /// <param name="wake">Queues the Rollout for a reconcile (the controller's work queue): called when a detached measurement finishes.</param>
    public BackgroundMeasurements(IMeasurementService service, MeasurementRunnerOptions options, TimeProvider time, Action<ObjectKey> wake, ILogger<BackgroundMeasurements> logger)
    {
        _service = service;
        _options = options;
        _time = time;
        _wake = wake;
        _logger = logger;
        _slots = new AddressSlots(options.MaxConcurrency, options.MaxConcurrencyPerAddress);

        // Taken once: a task still unwinding after Dispose must not touch the disposed source.
        _stoppingToken = _stopping.Token;
    }

    /// <summary>Measurements running or finished and not yet dropped (for tests and the bound).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _measurements.Count;
            }
        }
    }

    public async Task<IReadOnlyList<MeasurementResult>> MeasureAsync(Rollout rollout, RolloutPlan plan, IReadOnlyList<DueMeasurement> due, CancellationToken cancellationToken)
    {
        var key = ObjectKey.Of(rollout);
        var entries = new List<(DueMeasurement Due, BackgroundMeasurement Entry, bool Started)>(due.Count);
        foreach (var measurement in due)
        {
            var (entry, started) = FindOrStart(rollout, plan, key, measurement);
            entries.Add((measurement, entry, started));
        }

        var waited = entries.Where(e => e.Started && !_slow.IsSlow(e.Entry.Address)).Select(e => e.Entry).ToList();
        if (!await WaitInlineAsync([.. waited.Select(e => e.Finished)], cancellationToken).ConfigureAwait(false))
        {
            // Marked at once, not when the query ends: the next reconciles on this address do not wait for it either.
            foreach (var entry in waited.Where(e => !e.Finished.IsCompleted))
            {
                _slow.Observe(entry.Address, slow: true);
            }
        }

        return [.. entries.Select(e => Collect(e.Due, e.Entry, e.Started))];
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    /// <summary>Stops every running measurement: none of them reports a result (the next leader measures again).</summary>
    public void Stop()
    {
        if (!_stoppingToken.IsCancellationRequested)
        {
            _stopping.Cancel();
        }
    }

    private (BackgroundMeasurement Entry, bool Started) FindOrStart(Rollout rollout, RolloutPlan plan, ObjectKey key, DueMeasurement due)
    {
        var name = MeasurementNames.For(rollout.Metadata.Uid, due);
        lock (_lock)
        {
            Prune();
            if (_measurements.TryGetValue(name, out var existing))
            {
                return (existing, false);
            }

            var entry = new BackgroundMeasurement(name, key, MeasurementNames.Address(due), _time.GetUtcNow());
            _measurements[name] = entry;
            entry.Finished = RunAsync(entry, rollout, plan, due);
            return (entry, true);
        }
    }

    // Waits on the fast ones only: an address whose last query outlasted the inline wait goes to the background at once.
    // False when the inline wait ran out with measurements still running (they are reported in progress).
    private async Task<bool> WaitInlineAsync(IReadOnlyList<Task> started, CancellationToken cancellationToken)
    {
        if (started.Count == 0 || _options.InlineWait == TimeSpan.Zero)
        {
            return true;
        }

        try
        {
            await Task.WhenAll(started).WaitAsync(_options.InlineWait, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private MeasurementResult Collect(DueMeasurement due, BackgroundMeasurement entry, bool started)
    {
        lock (_lock)
        {
            if (entry.Result is { } result)
            {
                // Handed straight to the reconcile that started it: nobody else needs it (a failed write measures again).
                if (started)
                {
                    _measurements.Remove(entry.Name);
                }

                return result;
            }

            entry.Detached = true;
        }

        return new MeasurementResult(due.AnalysisKey, due.Revision, due.Metric.Name, _time.GetUtcNow(), null, null, null)
        {
            InProgress = new MeasurementInProgress
            {
                Name = entry.Name,
                StartedAt = due.InProgress?.Name == entry.Name ? due.InProgress.StartedAt : entry.StartedAt,
            },
        };
    }

    private async Task RunAsync(BackgroundMeasurement entry, Rollout rollout, RolloutPlan plan, DueMeasurement due)
    {
        // Off the caller's stack at once: the reconcile only starts it.
        await Task.Yield();
        MeasurementResult? result;
        try
        {
            using var slot = await _slots.AcquireAsync(entry.Address, _stoppingToken).ConfigureAwait(false);
            var began = _time.GetUtcNow();
            result = (await _service.MeasureAsync(rollout, plan, [due], _stoppingToken).ConfigureAwait(false)).Single();
            _slow.Observe(entry.Address, OutlastsInlineWait(_time.GetUtcNow() - began));
        }
        catch (Exception) when (_stoppingToken.IsCancellationRequested)
        {
            // Stopped (leadership ended, shutdown): whatever it got must not be recorded or wake anything.
            Drop(entry);
            return;
        }
        catch (Exception e)
        {
            // The service answers errors as results; anything else must still count as an error, never vanish or pass.
            result = new MeasurementResult(due.AnalysisKey, due.Revision, due.Metric.Name, entry.StartedAt, null, $"measurement failed: {e.GetType().Name}: {e.Message}", null);
        }

        Finish(entry, result);
    }

    // An infinite inline wait (Timeout.InfiniteTimeSpan, negative) is never outlasted.
    private bool OutlastsInlineWait(TimeSpan took) => _options.InlineWait > TimeSpan.Zero && took > _options.InlineWait;

    private void Finish(BackgroundMeasurement entry, MeasurementResult result)
    {
        bool wake;
        lock (_lock)
        {
            entry.Result = result;
            entry.FinishedAt = _time.GetUtcNow();
            wake = entry.Detached;
            if (_measurements.ContainsKey(entry.Name))
            {
                _finished.Enqueue(entry);
            }
        }

        if (wake && !_stoppingToken.IsCancellationRequested)
        {
            BackgroundLog.Finished(_logger, entry.Rollout, entry.Name, result.Error is null);
            _wake(entry.Rollout);
        }
    }

    private void Drop(BackgroundMeasurement entry)
    {
        lock (_lock)
        {
            _measurements.Remove(entry.Name);
        }
    }

    // Finished results nobody took (a deleted Rollout, a lost wake-up far beyond the recheck) are bounded in age and number.
    private void Prune()
    {
        var now = _time.GetUtcNow();
        while (_finished.TryPeek(out var oldest)
            && (_finished.Count > _options.MaxFinished || oldest.FinishedAt + _options.FinishedRetention < now || !_measurements.ContainsKey(oldest.Name)))
        {
            _finished.Dequeue();
            if (_measurements.TryGetValue(oldest.Name, out var kept) && ReferenceEquals(kept, oldest))
            {
                _measurements.Remove(oldest.Name);
            }
        }
    }
}
