using System.Diagnostics;
using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator;
using RolloutOperator.ApiEmulator.Http;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.ScaleBench;

/// <summary>
/// One size: seed the cluster, start the operator process, then measure in order cold start, settled memory, idle
/// writes, reaction (one at a time, then a batch), step lateness with many Rollouts progressing at once, Prometheus
/// queries per interval, and finally memory again after restarts with and without the cache transforms.
/// </summary>
internal sealed class ScaleRun(BenchOptions options, TextWriter progress)
{
    private const string RolloutsPath = "apis/rollout-operator.io/v1alpha1/namespaces/" + BenchCluster.RolloutNamespace + "/rollouts";

    public async Task<SizeResult> RunAsync(int rollouts, CancellationToken ct)
    {
        await using var cluster = await BenchCluster.StartAsync(ct);
        var seeder = new Seeder(cluster, options.Pause, progress);
        var seedClock = Stopwatch.StartNew();
        var template = await seeder.RollOutTemplateAsync(ct);
        var unrelated = seeder.SeedUnrelated(options.Unrelated);
        var clones = seeder.CloneIdle(template, rollouts);
        progress.WriteLine($"  seeded {options.Unrelated} Deployments + Services in {unrelated.TotalSeconds:0.0}s, {rollouts} idle Rollouts in {clones.TotalSeconds:0.0}s");
        var result = new SizeResult { Rollouts = rollouts, Unrelated = options.Unrelated, SeedSeconds = seedClock.Elapsed.TotalSeconds };

        await using var prometheus = await StubPrometheus.StartAsync(ct);
        string[] operatorArgs = ["--prometheus-address", prometheus.Address.ToString(), .. options.OperatorArgs];
        var probe = new OperatorProbe(cluster, options.Settle, progress);
        await using (var op = OperatorUnderTest.Start(cluster.KubeconfigPath, Path.Combine(cluster.Directory, "operator.log"), operatorArgs))
        {
            result = result with { ColdStart = await probe.ColdStartAsync(op, rollouts, ct) };
            result = result with { Memory = await probe.SettledMemoryAsync(op, ct) };
            result = result with { Idle = await probe.IdleAsync(op, options.IdleWindow, ct) };
            await using var watch = new RolloutWatch(cluster.Http, RolloutsPath);
            result = await ReactionsAsync(cluster, watch, rollouts, result, ct);
            result = result with { Steps = await StepsAsync(cluster, op, watch, rollouts, ct) };
            result = result with { Analysis = await new AnalysisProbe(cluster, prometheus, progress).RunAsync(options.AnalysisRollouts, options.AnalysisWindow, ct) };
        }

        if (rollouts >= options.CompareTransformsFrom)
        {
            result = result with
            {
                Memory = await probe.RestartedMemoryAsync(operatorArgs, rollouts, "transforms-on", ct),
                MemoryWithoutTransforms = await probe.RestartedMemoryAsync([.. operatorArgs, "--cache-transforms", "false"], rollouts, "transforms-off", ct),
            };
        }

        return result;
    }

    private async Task<SizeResult> ReactionsAsync(BenchCluster cluster, RolloutWatch watch, int rollouts, SizeResult result, CancellationToken ct)
    {
        var among = Math.Min(rollouts, 1000);
        var alone = new List<double>();
        for (var i = 1; i <= options.ReactionSamples; i++)
        {
            alone.AddRange(await ReactAsync(cluster, [Manifests.RolloutName(i)], ct));
            await Task.Delay(500, ct);
        }

        var batchNames = Enumerable.Range(options.ReactionSamples + 1, Math.Min(options.ReactionBatch, rollouts - options.ReactionSamples - 1)).Select(Manifests.RolloutName).ToList();
        var batch = await ReactAsync(cluster, batchNames, ct);
        progress.WriteLine($"  reaction alone p50 {Percentiles.Of(alone, 50):0} ms p99 {Percentiles.Of(alone, 99):0} ms; {batchNames.Count} at once p50 {Percentiles.Of(batch, 50):0} ms p99 {Percentiles.Of(batch, 99):0} ms");

        // The changed Rollouts step through their canary; let them finish before the step figure starts.
        var changed = Enumerable.Range(1, options.ReactionSamples).Select(Manifests.RolloutName).Concat(batchNames).ToList();
        await WaitPromotedAsync(watch, changed.ToDictionary(n => n, n => Hash(cluster, n)), TimeSpan.FromMinutes(5), ct);
        return result with
        {
            ReactionAlone = Latency(alone, rollouts),
            ReactionBatch = Latency(batch, rollouts) with { Among = rollouts },
        };

        static LatencyFigures Latency(List<double> values, int among) =>
            new(values.Count, among, Percentiles.Of(values, 50), Percentiles.Of(values, 99), values.Count == 0 ? double.NaN : values.Max());
    }

    /// <summary>
    /// Writes a new image into each Rollout's spec and returns, per Rollout, the time from that write until the operator
    /// has both created the new revision's Deployment and written the Rollout's status (from the emulator's request log).
    /// </summary>
    private static async Task<List<double>> ReactAsync(BenchCluster cluster, List<string> names, CancellationToken ct)
    {
        var starts = new Dictionary<string, (DateTimeOffset At, string Revision)>();
        foreach (var name in names)
        {
            var at = TimeProvider.System.GetUtcNow();
            SetImage(cluster, BenchCluster.RolloutNamespace, name, Manifests.ImageV3);
            starts[name] = (at, Hash(cluster, name));
        }

        var reactions = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();
        while (reactions.Count < names.Count && clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(50, ct);
            var writes = OperatorWrites(cluster.Emulator, starts.Values.Min(s => s.At), DateTimeOffset.MaxValue);
            foreach (var (name, (at, revision)) in starts.Where(s => !reactions.ContainsKey(s.Key)))
            {
                var deployment = writes.FirstOrDefault(w => w.Request.Resource == "deployments" && w.Request.Name == $"{name}-{revision}" && w.Time >= at);
                var status = writes.FirstOrDefault(w => w.Request.Resource == "rollouts" && w.Request.Subresource == "status" && w.Request.Name == name && w.Time >= at);
                if (deployment is not null && status is not null)
                {
                    reactions[name] = ((deployment.Time > status.Time ? deployment.Time : status.Time) - at).TotalMilliseconds;
                }
            }
        }

        return reactions.Values.ToList();
    }

    private async Task<StepFigures> StepsAsync(BenchCluster cluster, OperatorUnderTest op, RolloutWatch watch, int rollouts, CancellationToken ct)
    {
        var count = Math.Min(options.Progressing, rollouts);
        var names = Enumerable.Range(rollouts - count, count).Select(Manifests.RolloutName).ToList();
        var operatorCpu = op.CpuSeconds();
        var benchCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var start = TimeProvider.System.GetUtcNow();
        var revisions = new Dictionary<string, string>();
        foreach (var name in names)
        {
            SetImage(cluster, BenchCluster.RolloutNamespace, name, Manifests.ImageV4);
            revisions[name] = Hash(cluster, name);
        }

        var completed = await WaitPromotedAsync(watch, revisions, TimeSpan.FromMinutes(20), ct);
        var end = TimeProvider.System.GetUtcNow();
        operatorCpu = op.CpuSeconds() - operatorCpu;
        benchCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - benchCpu;
        var lateness = names.SelectMany(n => PauseLateness(watch.Of(n), revisions[n], start, options.Pause)).ToList();
        var writes = OperatorWrites(cluster.Emulator, start, end);
        var events = writes.Count(w => w.Request.Resource == "events");
        var other = writes.Count - events;
        var transitions = completed * 4;
        var per1000 = transitions / 1000.0;
        progress.WriteLine($"  {completed}/{count} promoted in {(end - start).TotalSeconds:0}s; pause lateness p50 {Percentiles.Of(lateness, 50):0.00}s p99 {Percentiles.Of(lateness, 99):0.00}s; {other} writes + {events} events; operator CPU {operatorCpu:0.0}s");
        return new StepFigures(
            count, completed, (end - start).TotalSeconds, lateness.Count,
            Percentiles.Of(lateness, 50), Percentiles.Of(lateness, 99), lateness.Count == 0 ? double.NaN : lateness.Max(),
            transitions, other, events, Ratio(other, transitions), Ratio(events, transitions),
            operatorCpu, benchCpu, Ratio(operatorCpu, per1000), Ratio(benchCpu, per1000));
    }

    internal static double Ratio(double value, double over) => over > 0 ? value / over : double.NaN;

    /// <summary>For each pause step (1 and 3): seconds between entering it and leaving it, minus the pause it asks for.</summary>
    internal static IEnumerable<double> PauseLateness(IReadOnlyList<RolloutObservation> seen, string revision, DateTimeOffset since, TimeSpan pauseLength)
    {
        var mine = seen.Where(o => o.Time >= since).ToList();
        foreach (var pause in new[] { 1, 3 })
        {
            var enter = mine.FindIndex(o => o.Step == pause && o.Canary == revision);
            if (enter < 0)
            {
                continue;
            }

            var exit = mine.FindIndex(enter, o => o.Step > pause || o.Stable == revision);
            if (exit >= 0)
            {
                yield return (mine[exit].Time - mine[enter].Time - pauseLength).TotalSeconds;
            }
        }
    }

    internal static async Task<int> WaitPromotedAsync(RolloutWatch watch, Dictionary<string, string> revisions, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var done = 0;
        while (clock.Elapsed < timeout)
        {
            done = revisions.Count(r => watch.Of(r.Key) is { Count: > 0 } seen && seen[^1].Stable == r.Value && seen[^1].Phase == "Healthy");
            if (done == revisions.Count)
            {
                break;
            }

            await Task.Delay(250, ct);
        }

        return done;
    }

    public static IReadOnlyList<RequestRecord> OperatorWrites(ApiServerEmulator emulator, DateTimeOffset from, DateTimeOffset to) =>
        emulator.Requests.Where(r => r.IsWrite && r.Time >= from && r.Time <= to && r.UserAgent?.Contains(OperatorUnderTest.PodName, StringComparison.Ordinal) == true);

    public static void SetImage(BenchCluster cluster, string ns, string name, string image)
    {
        var patch = new JsonObject { ["spec"] = new JsonObject { ["template"] = Manifests.PodTemplate(name, image) } };
        cluster.Api.MergePatch(ApiGroup.Name, ApiGroup.Version, "rollouts", ns, name, patch, "kubectl");
    }

    private static string Hash(BenchCluster cluster, string name) =>
        RevisionHash.Compute(cluster.Api.Get(ApiGroup.Name, ApiGroup.Version, "rollouts", BenchCluster.RolloutNamespace, name)["spec"]!["template"]!.AsObject());
}
