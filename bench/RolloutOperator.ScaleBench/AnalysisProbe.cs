using System.Diagnostics;
using RolloutOperator.Core.Api;

namespace RolloutOperator.ScaleBench;

/// <summary>
/// Prometheus queries per metric per interval: Rollouts with a background analysis (one metric, interval 10 s) are
/// rolled out against the stub Prometheus. Exactly one query per interval means consecutive queries of one metric are
/// never less than 10 s apart and not much more: the figure is the gap between them (min, mean, max).
/// </summary>
internal sealed class AnalysisProbe(BenchCluster cluster, StubPrometheus prometheus, TextWriter progress)
{
    public async Task<AnalysisFigures> RunAsync(int count, TimeSpan window, CancellationToken ct)
    {
        var ns = BenchCluster.AnalysisNamespace;
        var names = Enumerable.Range(0, count).Select(i => "a-" + Manifests.RolloutName(i)).ToList();
        foreach (var name in names)
        {
            cluster.Api.Create(ApiGroup.Name, ApiGroup.Version, "rollouts", ns, Manifests.Rollout(ns, name, Manifests.ImageV1, Manifests.BackgroundAnalysis(name), pause: "10m"), "kubectl");
        }

        foreach (var name in names)
        {
            await Seeder.WaitAsync(() => cluster.Api.Get(ApiGroup.Name, ApiGroup.Version, "rollouts", ns, name), r => r["status"]?["phase"]?.GetValue<string>() == "Healthy", $"{name} healthy", ct);
        }

        var start = TimeProvider.System.GetUtcNow();
        foreach (var name in names)
        {
            ScaleRun.SetImage(cluster, ns, name, Manifests.ImageV2);
        }

        await Task.Delay(window, ct);
        return Figures(prometheus, names, start, TimeProvider.System.GetUtcNow(), progress);
    }

    /// <summary>The gaps between consecutive queries of each Rollout's metric between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public static AnalysisFigures Figures(StubPrometheus prometheus, IReadOnlyList<string> names, DateTimeOffset start, DateTimeOffset end, TextWriter progress)
    {
        var count = names.Count;
        var queries = prometheus.Queries.Where(q => q.Time >= start && q.Time <= end).ToList();
        var gaps = new List<double>();
        var silent = 0;
        foreach (var name in names)
        {
            var mine = queries.Where(q => q.Query.Contains($"\"{name}\"", StringComparison.Ordinal)).Select(q => q.Time).Order().ToList();
            silent += mine.Count == 0 ? 1 : 0;
            gaps.AddRange(mine.Zip(mine.Skip(1), (a, b) => (b - a).TotalSeconds));
        }

        var figures = new AnalysisFigures(
            count, silent, queries.Count, gaps.Count,
            gaps.DefaultIfEmpty(double.NaN).Min(), gaps.DefaultIfEmpty(double.NaN).Average(), gaps.DefaultIfEmpty(double.NaN).Max());
        progress.WriteLine($"  analysis: {queries.Count} queries by {count - silent}/{count} Rollouts; gap between queries of one metric min {figures.MinGapSeconds:0.00}s mean {figures.MeanGapSeconds:0.00}s max {figures.MaxGapSeconds:0.00}s");
        Debug.Assert(figures.Rollouts == count);
        return figures;
    }
}
