using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.ScaleBench.Kube;

/// <summary>
/// The figures of a --kubeconfig run that need no emulator: writes from the operator's own
/// <c>kubernetes_api_writes_total</c> (by resource, so events apart), reconciles from its metrics, reactions and pause
/// lateness from the benchmark's watches, CPU from /proc of the local operator process. The API server's CPU is not
/// measured (n/a).
/// </summary>
internal sealed class KubeProbe(KubeBenchCluster cluster, OperatorUnderTest op, BenchOptions options, TextWriter progress)
{
    private const string Writes = "kubernetes_api_writes_total";
    private const string Events = "resource=\"events\"";
    private const string Reconciles = "controller_reconcile_total";

    /// <summary>When the step run began (just before its first spec write) and ended (every Rollout promoted).</summary>
    public (DateTimeOffset From, DateTimeOffset To) StepWindow { get; private set; }

    public async Task<ColdStartFigures> ColdStartAsync(int rollouts, CancellationToken ct)
    {
        var ready = await OperatorProbe.UntilAsync(() => op.IsReadyAsync(ct), op, TimeSpan.FromMinutes(10), "readiness", ct);
        var reconciled = await OperatorProbe.UntilAsync(async () => (await op.ScrapeAsync(ct)).Sum(Reconciles) >= rollouts, op, TimeSpan.FromMinutes(10), "every Rollout reconciled once", ct);
        // Reconciles still running when the counter was read may write; give them a moment before counting.
        await Task.Delay(2000, ct);
        var writes = (int)(await op.ScrapeAsync(ct)).Sum(Writes);
        var figures = new ColdStartFigures((ready - op.Started).TotalSeconds, (reconciled - ready).TotalSeconds, (reconciled - op.Started).TotalSeconds, writes);
        progress.WriteLine($"  cold start: ready {figures.StartToReadySeconds:0.0}s, all reconciled {figures.StartToReconciledSeconds:0.0}s after start ({figures.ReadyToReconciledSeconds:0.0}s after ready), {writes} writes (operator metrics)");
        return figures;
    }

    public async Task<IdleFigures> IdleAsync(CancellationToken ct)
    {
        var before = await op.ScrapeAsync(ct);
        var clock = Stopwatch.StartNew();
        await Task.Delay(options.IdleWindow, ct);
        var after = await op.ScrapeAsync(ct);
        var seconds = clock.Elapsed.TotalSeconds;
        var writes = (int)(after.Sum(Writes) - before.Sum(Writes));
        var figures = new IdleFigures(seconds, writes, writes * 3600 / seconds, (after.Sum(Reconciles) - before.Sum(Reconciles)) * 60 / seconds);
        progress.WriteLine($"  idle {seconds:0}s: {writes} writes (operator metrics), {figures.ReconcilesPerMinute:0.0} reconciles/min");
        return figures;
    }

    public async Task<SizeResult> ReactionsAsync(KubeWatches watches, int rollouts, SizeResult result, CancellationToken ct)
    {
        var alone = new List<double>();
        var revisions = new Dictionary<string, string>();
        for (var i = 1; i <= options.ReactionSamples; i++)
        {
            alone.AddRange(await ReactAsync(watches, [Manifests.RolloutName(i)], revisions, ct));
            await Task.Delay(500, ct);
        }

        var batchNames = Enumerable.Range(options.ReactionSamples + 1, Math.Min(options.ReactionBatch, rollouts - options.ReactionSamples - 1)).Select(Manifests.RolloutName).ToList();
        var batch = await ReactAsync(watches, batchNames, revisions, ct);
        progress.WriteLine($"  reaction alone p50 {Percentiles.Of(alone, 50):0} ms p99 {Percentiles.Of(alone, 99):0} ms; {batchNames.Count} at once p50 {Percentiles.Of(batch, 50):0} ms p99 {Percentiles.Of(batch, 99):0} ms (from watches)");
        // The changed Rollouts step through their canary; let them finish before the step figure starts.
        await ScaleRun.WaitPromotedAsync(watches.Rollouts, revisions, TimeSpan.FromMinutes(5), ct);
        return result with { ReactionAlone = Latency(alone, rollouts), ReactionBatch = Latency(batch, rollouts) };
    }

    /// <summary>
    /// Writes a new image into each Rollout's spec (all at once, within the client's rate limit) and returns, per
    /// Rollout, the time from just before that write until the watches have seen both the new revision's Deployment
    /// and the Rollout's status naming the revision.
    /// </summary>
    private async Task<List<double>> ReactAsync(KubeWatches watches, List<string> names, Dictionary<string, string> revisions, CancellationToken ct)
    {
        var starts = await SetImageAsync(names, Manifests.ImageV3, ct);
        foreach (var (name, (_, revision)) in starts)
        {
            revisions[name] = revision;
        }

        var reactions = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();
        while (reactions.Count < names.Count && clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(50, ct);
            foreach (var (name, (at, revision)) in starts.Where(s => !reactions.ContainsKey(s.Key)))
            {
                var deployment = watches.DeploymentSeen($"{name}-{revision}");
                var status = watches.Rollouts.Of(name).FirstOrDefault(o => o.Time >= at && (o.Canary == revision || o.Stable == revision));
                if (deployment is { } created && status is not null)
                {
                    reactions[name] = ((created > status.Time ? created : status.Time) - at).TotalMilliseconds;
                }
            }
        }

        return reactions.Values.ToList();
    }

    public async Task<StepFigures> StepsAsync(KubeWatches watches, int rollouts, CancellationToken ct)
    {
        var count = Math.Min(options.Progressing, rollouts);
        var names = Enumerable.Range(rollouts - count, count).Select(Manifests.RolloutName).ToList();
        var operatorCpu = op.CpuSeconds();
        var before = await op.ScrapeAsync(ct);
        var start = TimeProvider.System.GetUtcNow();
        var revisions = (await SetImageAsync(names, Manifests.ImageV4, ct)).ToDictionary(s => s.Key, s => s.Value.Revision);
        var completed = await ScaleRun.WaitPromotedAsync(watches.Rollouts, revisions, TimeSpan.FromMinutes(20), ct);
        var end = TimeProvider.System.GetUtcNow();
        StepWindow = (start, end);
        operatorCpu = op.CpuSeconds() - operatorCpu;
        var after = await op.ScrapeAsync(ct);
        var lateness = names.SelectMany(n => ScaleRun.PauseLateness(watches.Rollouts.Of(n), revisions[n], start, options.Pause)).ToList();
        var events = (int)(after.Sum(Writes, Events) - before.Sum(Writes, Events));
        var other = (int)(after.Sum(Writes) - before.Sum(Writes)) - events;
        var transitions = completed * 4;
        progress.WriteLine($"  {completed}/{count} promoted in {(end - start).TotalSeconds:0}s; pause lateness p50 {Percentiles.Of(lateness, 50):0.00}s p99 {Percentiles.Of(lateness, 99):0.00}s; {other} writes + {events} events (operator metrics); operator CPU {operatorCpu:0.0}s");
        return new StepFigures(
            count, completed, (end - start).TotalSeconds, lateness.Count,
            Percentiles.Of(lateness, 50), Percentiles.Of(lateness, 99), lateness.Count == 0 ? double.NaN : lateness.Max(),
            transitions, other, events, ScaleRun.Ratio(other, transitions), ScaleRun.Ratio(events, transitions),
            operatorCpu, double.NaN, ScaleRun.Ratio(operatorCpu, transitions / 1000.0), double.NaN);
    }

    /// <summary>As <see cref="AnalysisProbe"/>: Rollouts with a background analysis against the stub Prometheus.</summary>
    public async Task<AnalysisFigures> AnalysisAsync(StubPrometheus prometheus, CancellationToken ct)
    {
        var ns = cluster.AnalysisNamespace;
        var names = Enumerable.Range(0, options.AnalysisRollouts).Select(i => "a-" + Manifests.RolloutName(i)).ToList();
        foreach (var name in names)
        {
            await cluster.Api.CreateAsync(KubeSeeder.RolloutPath(ns, null), Manifests.Rollout(ns, name, Manifests.ImageV1, Manifests.BackgroundAnalysis(name), pause: "10m"), "kubectl", ct);
        }

        foreach (var name in names)
        {
            await OperatorProbe.UntilAsync(async () => (await cluster.Api.GetAsync(KubeSeeder.RolloutPath(ns, name), ct))["status"]?["phase"]?.GetValue<string>() == "Healthy", op, TimeSpan.FromMinutes(2), $"{name} healthy", ct);
        }

        var start = TimeProvider.System.GetUtcNow();
        await SetImageAsync(names, Manifests.ImageV2, ct, ns);
        await Task.Delay(options.AnalysisWindow, ct);
        return AnalysisProbe.Figures(prometheus, names, start, TimeProvider.System.GetUtcNow(), progress);
    }

    /// <summary>Writes a new image into each Rollout's spec, all at once; per Rollout, when (just before the write) and the new revision.</summary>
    private async Task<Dictionary<string, (DateTimeOffset At, string Revision)>> SetImageAsync(List<string> names, string image, CancellationToken ct, string? ns = null)
    {
        var starts = new ConcurrentDictionary<string, (DateTimeOffset, string)>();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(options.ClientQps, 1), CancellationToken = ct }, async (name, token) =>
        {
            var at = TimeProvider.System.GetUtcNow();
            var patch = new JsonObject { ["spec"] = new JsonObject { ["template"] = Manifests.PodTemplate(name, image) } };
            var changed = await cluster.Api.MergePatchAsync(KubeSeeder.RolloutPath(ns ?? cluster.RolloutNamespace, name), patch, "kubectl", token);
            starts[name] = (at, RevisionHash.Compute(changed["spec"]!["template"]!.AsObject()));
        });
        return new Dictionary<string, (DateTimeOffset, string)>(starts);
    }

    private static LatencyFigures Latency(List<double> values, int among) =>
        new(values.Count, among, Percentiles.Of(values, 50), Percentiles.Of(values, 99), values.Count == 0 ? double.NaN : values.Max());
}
