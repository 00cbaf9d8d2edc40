using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Parses <c>spec.errorBudgetPolicy</c>. Its queries describe the whole service over the period, so they may use the
/// built-ins and {{slo.window}} but not {{slo.revision}}, and there are no template arguments.
/// </summary>
internal static class ErrorBudgetParser
{
    public static ErrorBudgetPlan? Parse(ErrorBudgetPolicy? policy, string path, MetricOrigin origin, SpecErrors errors)
    {
        if (policy is null)
        {
            return null;
        }

        var before = errors.Count;
        SloParser.CheckObjective(policy.Objective, $"{path}.objective", errors);
        SloParser.CheckQueries(policy.Good, policy.Bad, policy.Total, path, new HashSet<string>(StringComparer.Ordinal), SloParser.ServiceVariables, errors);
        var period = Fields.Duration(policy.Period, SpecDefaults.SloPeriod, $"{path}.period", errors, positive: true);
        var interval = Fields.Duration(policy.Interval, SpecDefaults.ErrorBudgetInterval, $"{path}.interval", errors, positive: true);
        var errorLimit = Fields.AtLeast(policy.ConsecutiveErrorLimit, SpecDefaults.ConsecutiveErrorLimit, 0, $"{path}.consecutiveErrorLimit", errors);
        var minimum = policy.MinRemainingPercent ?? SpecDefaults.MinRemainingPercent;
        if (!(minimum >= 0 && minimum <= 100))
        {
            errors.Add($"{path}.minRemainingPercent", $"must be between 0 and 100, got {minimum}");
        }

        var prometheus = PrometheusParser.Parse(policy.Provider, $"{path}.provider", new HashSet<string>(StringComparer.Ordinal), origin, errors, queryRequired: false);
        if (!string.IsNullOrEmpty(policy.Provider?.Prometheus?.Query))
        {
            errors.Add($"{path}.provider.prometheus.query", "must be unset: the policy's good, bad and total are the queries");
        }

        if (errors.Count > before || prometheus is null)
        {
            return null;
        }

        return new ErrorBudgetPlan(policy.Objective, policy.Good, policy.Bad, policy.Total, period, minimum, interval, errorLimit, prometheus);
    }
}
