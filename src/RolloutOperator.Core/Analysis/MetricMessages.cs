using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Analysis;

// Messages name the count, the limit, the last deciding value and the criterion, so a user can see why without logs.
// A verdict over a limit also names the rendered query that produced it (last, so a message cut to fit an Event's note
// keeps the value).
internal static class MetricMessages
{
    public static string OverLimit(MetricStatus status, MetricPlan metric, AnalysisPhase phase, int count, string limitName, int limit)
    {
        var noun = phase == AnalysisPhase.Failed ? "failed" : "inconclusive";
        var verb = count == 1 ? "exceeds" : "exceed";
        return $"{Plural(count, $"{noun} measurement")} {verb} {limitName} {limit}; {Last(status, metric, phase)}{QueryOf(LastWith(status, phase))}";
    }

    public static string ErrorStreak(MetricStatus status, MetricPlan metric)
    {
        var verb = status.ConsecutiveErrors == 1 ? "exceeds" : "exceed";
        var last = LastWith(status, AnalysisPhase.Error);
        return $"{Plural(status.ConsecutiveErrors, "consecutive error")} {verb} consecutiveErrorLimit {metric.ConsecutiveErrorLimit}; last error: {last?.Message ?? "unknown"}{QueryOf(last)}";
    }

    public static string Completed(MetricStatus status, MetricPlan metric, int count) =>
        $"{status.Successful} of {count} measurements successful; {Last(status, metric, AnalysisPhase.Successful)}";

    public static string Streak(MetricStatus status, MetricPlan metric, int streak) =>
        $"{Plural(streak, "consecutive successful measurement")} reached consecutiveSuccessLimit {streak}; {Last(status, metric, AnalysisPhase.Successful)}";

    public static string Progress(MetricStatus status, MetricPlan metric)
    {
        var tally = $"{status.Successful} successful, {status.Failed} failed, {status.Inconclusive} inconclusive, {status.Error} error";
        var last = status.Measurements.Count == 0 ? "" : $"; {Describe(status.Measurements[^1], metric)}";
        return tally + last;
    }

    private static string Last(MetricStatus status, MetricPlan metric, AnalysisPhase phase) =>
        LastWith(status, phase) is { } m ? Describe(m, metric) : "no measurement kept";

    private static string Describe(Measurement m, MetricPlan metric) =>
        m.Value is null ? $"last measurement: {m.Message}" : $"last value {m.Value} for {Criteria.Describe(metric)}";

    // The stored query is already rendered (secrets redacted); multi-line PromQL is joined on one line.
    private static string QueryOf(Measurement? m) =>
        m?.Query is { Length: > 0 } query
            ? "; query: " + string.Join(' ', query.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
            : "";

    private static Measurement? LastWith(MetricStatus status, AnalysisPhase phase) =>
        status.Measurements.LastOrDefault(m => m.Phase == phase);

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
