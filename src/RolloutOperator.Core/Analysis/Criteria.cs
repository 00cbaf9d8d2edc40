using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Analysis;

// Human description of how a metric judges values, for status messages.
internal static class Criteria
{
    public static string Describe(MetricPlan metric)
    {
        if (metric.Judge is { } judge)
        {
            return $"judge score >= {judge.PassScore} (marginal {judge.MarginalScore})";
        }

        var parts = new List<string>();
        if (metric.SuccessCondition is { } success)
        {
            parts.Add($"`{success.Text}`");
        }

        if (metric.FailureCondition is { } failure)
        {
            parts.Add($"failureCondition `{failure.Text}`");
        }

        if (metric.Range is { } range)
        {
            parts.Add($"thresholdRange {ValueFormat.Range(range)}");
        }

        return parts.Count == 0 ? "no criteria" : string.Join(" and ", parts);
    }
}
