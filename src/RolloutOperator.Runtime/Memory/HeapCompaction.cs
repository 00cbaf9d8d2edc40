namespace RolloutOperator.Runtime.Memory;

/// <summary>
/// Returns the garbage of a start-up to the operating system. The initial lists of a large cluster allocate several times
/// what the caches keep (whole pages of JSON, every object before its cache transform), and the first pass over every
/// object allocates more; much of it survives long enough to reach generation 2. An idle operator allocates almost
/// nothing afterwards, so the collector has no reason to run a full collection again for hours, and the process keeps
/// that memory resident (at 10,000 Rollouts: about 200 MiB more than the caches hold). One aggressive, compacting
/// collection once the start-up is over (a few hundred milliseconds, once per process) releases it.
/// </summary>
public sealed class HeapCompaction
{
    /// <summary>What the operator does: a blocking, compacting full collection that also decommits the freed memory.</summary>
    public static readonly HeapCompaction Aggressive = new(() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true));

    /// <summary>Does nothing (the diagnostic switch that measures what the compaction saves).</summary>
    public static readonly HeapCompaction None = new(() => { });

    private readonly Action _collect;

    public HeapCompaction(Action collect)
    {
        ArgumentNullException.ThrowIfNull(collect);
        _collect = collect;
    }

    /// <summary>Compacts now.</summary>
    public void Compact() => _collect();

    /// <summary>Compacts once <paramref name="done"/> completes (e.g. every cache has synced); nothing if it is cancelled.</summary>
    public async Task CompactAfterAsync(Func<CancellationToken, Task> done, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(done);
        try
        {
            await done(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        Compact();
    }

    /// <summary>
    /// Completes once <paramref name="quiet"/> has held on two checks in a row, <paramref name="interval"/> apart (a queue
    /// whose last keys are still being reconciled looks empty for a moment).
    /// </summary>
    public static async Task QuietAsync(Func<bool> quiet, TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quiet);
        ArgumentNullException.ThrowIfNull(time);
        for (var streak = 0; streak < 2; streak = quiet() ? streak + 1 : 0)
        {
            await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
