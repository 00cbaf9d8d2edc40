using RolloutOperator.Core.Api;
using RolloutOperator.Core.Expressions;

namespace RolloutOperator.Core.Plans;

/// <summary>
/// One metric with its limits. <see cref="Count"/> is null only for background analysis, which runs until promotion.
/// Conditions are compiled at parse time, so a syntax error is an InvalidSpec, never a failed measurement.
/// </summary>
public sealed record MetricPlan(
    string Name,
    TimeSpan Interval,
    int? Count,
    TimeSpan InitialDelay,
    int FailureLimit,
    int InconclusiveLimit,
    int ConsecutiveErrorLimit,
    IConditionExpression? SuccessCondition,
    IConditionExpression? FailureCondition,
    ThresholdRange? Range,
    NoDataPolicy NoData,
    PrometheusMetric Prometheus)
{
    /// <summary>Set for an SLO burn-rate gate: the metric is judged by <see cref="Analysis.SloJudge"/>, not by conditions.</summary>
    public SloPlan? Slo { get; init; }
}
