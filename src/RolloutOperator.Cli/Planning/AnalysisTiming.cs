using RolloutOperator.Core.Plans;

namespace RolloutOperator.Cli.Planning;

/// <summary>
/// How long a gating analysis takes. Minimum: every measurement is judged a pass at once, so the last of `count` lands
/// at initialDelay + (count−1)×interval. Maximum without failing: every judged measurement is preceded by
/// consecutiveErrorLimit error measurements (errors do not count towards `count`), one interval apart. A
/// consecutiveSuccessLimit ends a metric after that many successes at the least; dry-run metrics must complete too.
/// </summary>
internal static class AnalysisTiming
{
    public static long MinSeconds(AnalysisPlan analysis) =>
        analysis.Metrics.Count == 0 ? 0 : analysis.Metrics.Max(m => Seconds(m.InitialDelay + (Math.Min(Count(m), m.ConsecutiveSuccessLimit ?? int.MaxValue) - 1) * m.Interval));

    public static long MaxSeconds(AnalysisPlan analysis) =>
        analysis.Metrics.Count == 0 ? 0 : analysis.Metrics.Max(m => Seconds(m.InitialDelay + ((Count(m) * (m.ConsecutiveErrorLimit + 1)) - 1) * m.Interval));

    private static int Count(MetricPlan metric) => Math.Max(1, metric.Count ?? 1);

    private static long Seconds(TimeSpan value) => (long)Math.Ceiling(value.TotalSeconds);
}
