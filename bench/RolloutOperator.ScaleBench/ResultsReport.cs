using System.Globalization;
using System.Text;

namespace RolloutOperator.ScaleBench;

/// <summary>The results table of docs/benchmarks.md: one column per size, one row per figure, with the goal.</summary>
internal static class ResultsReport
{
    public static string Markdown(IReadOnlyList<SizeResult> results, MachineInfo machine, IReadOnlyList<string> args)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run -c Release --project bench/RolloutOperator.ScaleBench -- {string.Join(' ', args)}`");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine.Cpu}, {machine.Cores} cores, {machine.Memory}, {machine.Os}, {machine.Runtime}; load average before {machine.LoadBefore}, after {machine.LoadAfter}");
        text.AppendLine();
        if (results.FirstOrDefault(r => r.Kube is not null)?.Kube is { } kube)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Cluster: {kube.Server} (--kubeconfig); writes counted from the operator's own metrics, reactions and lateness from watches; the API server's CPU is not measured (n/a).");
            text.AppendLine();
        }

        text.AppendLine("| Figure | Goal | " + string.Join(" | ", results.Select(r => $"{r.Rollouts:N0} Rollouts")) + " |");
        text.AppendLine("|---|---|" + string.Concat(results.Select(_ => "---:|")));
        foreach (var (figure, goal, value) in Rows())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {figure} | {goal} | {string.Join(" | ", results.Select(value))} |");
        }

        return text.ToString();
    }

    private static IEnumerable<(string Figure, string Goal, Func<SizeResult, string> Value)> Rows()
    {
        yield return ("RSS, idle (cache transforms on)", "≤ 512 MiB at 10k", r => Mib(r.Memory?.RssMiB));
        yield return ("Managed heap, idle, live after a full GC (before it)", "", r => $"{Mib(r.Memory?.ManagedHeapMiB)} ({Mib(r.Memory?.HeapBeforeGcMiB)})");
        yield return ("RSS / live managed heap with the cache transforms switched off", "(the saving)", r => $"{Mib(r.MemoryWithoutTransforms?.RssMiB)} / {Mib(r.MemoryWithoutTransforms?.ManagedHeapMiB)}");
        yield return ("API writes while idle (window; per hour)", "0", r => r.Idle is { } i ? F($"{i.Writes} in {i.WindowSeconds:0} s; {i.WritesPerHour:0}/h") : "—");
        yield return ("Reconciles per minute while idle", "", r => r.Idle is { } i ? F($"{i.ReconcilesPerMinute:0.0}") : "—");
        yield return ("Cold start: process start → ready (caches synced)", "", r => S(r.ColdStart?.StartToReadySeconds));
        yield return ("Cold start: ready → every Rollout reconciled once", "≤ 10 s", r => S(r.ColdStart?.ReadyToReconciledSeconds));
        yield return ("Cold start: writes", "0", r => r.ColdStart is { } c ? F($"{c.Writes}") : "—");
        yield return ("Reaction, 1 changed (p50 / p99)", "p99 ≤ 100 ms", r => Latency(r.ReactionAlone));
        yield return ("Reaction, 100 changed at once (p50 / p99)", "p99 ≤ 1 s", r => Latency(r.ReactionBatch));
        yield return ("Pause lateness, Rollouts progressing at once (p50 / p99 / max)", "p99 ≤ 1 s", r => r.Steps is { } s ? F($"{s.Progressing}: {s.LatenessP50Seconds:0.00} / {s.LatenessP99Seconds:0.00} / {s.LatenessMaxSeconds:0.00} s") : "—");
        yield return ("Rollouts promoted / wall time of the step run", "", r => r.Steps is { } s ? F($"{s.Completed}/{s.Progressing} in {s.WallSeconds:0} s") : "—");
        yield return ("API writes per canary step (events separately)", "≤ 3", r => r.Steps is { } s ? F($"{s.WritesPerStep:0.00} (+ {s.EventsPerStep:0.00} events)") : "—");
        yield return ("Prometheus queries per metric per interval (gap min / mean / max)", "exactly 1", r => r.Analysis is { } a ? F($"{a.PerInterval:0.00} ({a.MinGapSeconds:0.0} / {a.MeanGapSeconds:0.0} / {a.MaxGapSeconds:0.0} s)") : "—");
        yield return ("Operator CPU-seconds per 1,000 step transitions", "≤ 5", r => r.Steps is { } s ? F($"{s.OperatorCpuPer1000Steps:0.0}") : "—");
        yield return ("API emulator + benchmark CPU-seconds per 1,000 step transitions", "", r => r.Steps is { } s ? F($"{s.BenchCpuPer1000Steps:0.0}") : "—");
    }

    private static string Latency(LatencyFigures? l) => l is null ? "—" : F($"{l.P50Ms:0} / {l.P99Ms:0} ms");

    private static string Mib(double? value) => value is { } v ? F($"{v:0} MiB") : "—";

    private static string S(double? value) => value is { } v ? F($"{v:0.0} s") : "—";

    // A figure a run cannot measure (the API server's CPU against a real cluster) is NaN: shown as "n/a".
    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture).Replace("NaN", "n/a", StringComparison.Ordinal);
}
