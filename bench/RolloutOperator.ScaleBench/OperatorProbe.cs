using System.Diagnostics;

namespace RolloutOperator.ScaleBench;

/// <summary>Figures read from the operator process itself: start-up, memory and idle behaviour.</summary>
internal sealed class OperatorProbe(BenchCluster cluster, TimeSpan settle, TextWriter progress)
{
    private const string Reconciles = "controller_reconcile_total";

    /// <summary>
    /// Process start → /readyz (every informer listed and synced) → every Rollout reconciled once (the reconcile counter
    /// reaches the number of Rollouts), and the writes made meanwhile.
    /// </summary>
    public async Task<ColdStartFigures> ColdStartAsync(OperatorUnderTest op, int rollouts, CancellationToken ct)
    {
        var ready = await UntilAsync(() => op.IsReadyAsync(ct), op, TimeSpan.FromMinutes(10), "readiness", ct);
        var reconciled = await UntilAsync(async () => (await op.ScrapeAsync(ct)).Sum(Reconciles) >= rollouts, op, TimeSpan.FromMinutes(10), "every Rollout reconciled once", ct);
        // Reconciles still running when the counter was read may write; give them a moment before counting.
        await Task.Delay(2000, ct);
        var written = ScaleRun.OperatorWrites(cluster.Emulator, op.Started, TimeProvider.System.GetUtcNow());
        var writes = written.Count;
        if (writes > 0)
        {
            progress.WriteLine($"  cold-start writes: {Describe(written)}");
        }

        var figures = new ColdStartFigures((ready - op.Started).TotalSeconds, (reconciled - ready).TotalSeconds, (reconciled - op.Started).TotalSeconds, writes);
        progress.WriteLine($"  cold start: ready {figures.StartToReadySeconds:0.0}s, all reconciled {figures.StartToReconciledSeconds:0.0}s after start ({figures.ReadyToReconciledSeconds:0.0}s after ready), {writes} writes");
        return figures;
    }

    /// <summary>
    /// RSS once the queue has drained and the process has idled for a while; the managed heap after an induced full GC
    /// (what the caches really hold), with the heap before it and the RSS after it for reference.
    /// </summary>
    public Task<MemoryFigures> SettledMemoryAsync(OperatorUnderTest op, CancellationToken ct) => SettledMemoryAsync(op, settle, progress, ct);

    public static async Task<MemoryFigures> SettledMemoryAsync(OperatorUnderTest op, TimeSpan settle, TextWriter progress, CancellationToken ct)
    {
        await UntilAsync(async () => (await op.ScrapeAsync(ct)).Sum("workqueue_depth") == 0, op, TimeSpan.FromMinutes(5), "an empty work queue", ct);
        await Task.Delay(settle, ct);
        var rss = op.RssBytes();
        var scraped = await op.ScrapeAsync(ct);
        var before = scraped.Sum("operator_managed_heap_bytes");
        var collections = scraped.Sum("operator_gc_full_collections");
        await InducedGc.CollectAsync(op.Pid, ct);
        scraped = await op.ScrapeAsync(ct);
        var after = scraped.Sum("operator_managed_heap_bytes");
        if (scraped.Sum("operator_gc_full_collections") <= collections)
        {
            throw new InvalidOperationException("the induced full GC did not happen; the live heap would be misreported");
        }

        var figures = new MemoryFigures(rss / 1048576.0, after / 1048576.0, before / 1048576.0, op.RssBytes() / 1048576.0);
        progress.WriteLine($"  memory: RSS {figures.RssMiB:0} MiB ({figures.RssAfterGcMiB:0} MiB after a full GC), managed heap {figures.ManagedHeapMiB:0} MiB live ({figures.HeapBeforeGcMiB:0} MiB before the full GC)");
        return figures;
    }

    /// <summary>Writes and reconciles of an idle operator over a window; writes per hour extrapolated from it.</summary>
    public async Task<IdleFigures> IdleAsync(OperatorUnderTest op, TimeSpan window, CancellationToken ct)
    {
        var before = (await op.ScrapeAsync(ct)).Sum(Reconciles);
        var from = TimeProvider.System.GetUtcNow();
        await Task.Delay(window, ct);
        var to = TimeProvider.System.GetUtcNow();
        var reconciles = (await op.ScrapeAsync(ct)).Sum(Reconciles) - before;
        var writes = ScaleRun.OperatorWrites(cluster.Emulator, from, to);
        var seconds = (to - from).TotalSeconds;
        var figures = new IdleFigures(seconds, writes.Count, writes.Count * 3600 / seconds, reconciles * 60 / seconds);
        progress.WriteLine($"  idle {seconds:0}s: {writes.Count} writes ({Describe(writes)}), {figures.ReconcilesPerMinute:0.0} reconciles/min");
        return figures;
    }

    /// <summary>Starts a fresh operator with <paramref name="args"/> and measures its settled memory.</summary>
    public Task<MemoryFigures> RestartedMemoryAsync(IEnumerable<string> args, int rollouts, string label, CancellationToken ct) =>
        RestartedMemoryAsync(cluster.KubeconfigPath, cluster.Directory, settle, progress, args, rollouts, label, ct);

    public static async Task<MemoryFigures> RestartedMemoryAsync(string kubeconfig, string logDirectory, TimeSpan settle, TextWriter progress, IEnumerable<string> args, int rollouts, string label, CancellationToken ct)
    {
        await using var op = OperatorUnderTest.Start(kubeconfig, Path.Combine(logDirectory, $"operator-{label}.log"), args);
        await UntilAsync(() => op.IsReadyAsync(ct), op, TimeSpan.FromMinutes(10), "readiness", ct);
        await UntilAsync(async () => (await op.ScrapeAsync(ct)).Sum(Reconciles) >= rollouts, op, TimeSpan.FromMinutes(10), "every Rollout reconciled once", ct);
        progress.Write($"  {label}:");
        return await SettledMemoryAsync(op, settle, progress, ct);
    }

    /// <summary>The kinds of writes made, most frequent first, with one example path each.</summary>
    public static string Describe(IReadOnlyList<RolloutOperator.ApiEmulator.Http.RequestRecord> writes) => string.Join(", ", writes
        .GroupBy(w => $"{w.Verb} {w.Request.Resource}{(w.Request.Subresource is { } s ? "/" + s : string.Empty)}")
        .OrderByDescending(g => g.Count())
        .Select(g => $"{g.Count()}× {g.Key} (e.g. {g.First().Path})"));

    internal static async Task<DateTimeOffset> UntilAsync(Func<Task<bool>> condition, OperatorUnderTest? op, TimeSpan timeout, string what, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (op?.HasExited == true)
            {
                throw new InvalidOperationException($"the operator exited while waiting for {what}");
            }

            if (await TryAsync(condition))
            {
                return TimeProvider.System.GetUtcNow();
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"timed out waiting for {what}");
            }

            await Task.Delay(50, ct);
        }
    }

    private static async Task<bool> TryAsync(Func<Task<bool>> condition)
    {
        try
        {
            return await condition();
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
