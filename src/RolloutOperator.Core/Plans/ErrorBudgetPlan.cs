using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Plans;

/// <summary>The Rollout's error-budget policy: the service's SLO over <see cref="Period"/> and the freeze threshold.</summary>
public sealed record ErrorBudgetPlan(
    double Objective,
    string? Good,
    string? Bad,
    string Total,
    TimeSpan Period,
    double MinRemainingPercent,
    TimeSpan Interval,
    int ConsecutiveErrorLimit,
    PrometheusMetric Prometheus)
{
    public double ErrorBudget => 1 - (Objective / 100);
}
