using RolloutOperator.Core.Api;
using RolloutOperator.Core.Expressions;

namespace RolloutOperator.Core.Plans;

/// <summary>
/// One metric with its limits. <see cref="Count"/> is null only for background analysis, which runs until promotion.
/// Conditions are compiled at parse time, so a syntax error is an InvalidSpec, never a failed measurement.
/// Exactly one provider is set: <see cref="Prometheus"/>, <see cref="Web"/> or <see cref="Job"/>.
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
    PrometheusMetric? Prometheus)
{
    /// <summary>The most measurements per metric that status keeps (the bound of <see cref="MeasurementRetention"/>).</summary>
    public const int MaxMeasurements = 10;

    /// <summary>Measured and reported, but its verdict never decides the analysis.</summary>
    public bool DryRun { get; init; }

    /// <summary>Newest measurements kept in status, 1 to <see cref="MaxMeasurements"/>.</summary>
    public int MeasurementRetention { get; init; } = MaxMeasurements;

    /// <summary>Successful measurements in a row that complete the metric as Successful; null when unset.</summary>
    public int? ConsecutiveSuccessLimit { get; init; }
    /// <summary>Set for a judge metric: its measurement is a statistical comparison, not a condition on values.</summary>
    public JudgePlan? Judge { get; init; }

    /// <summary>Set for a web metric (then <see cref="MetricPlan.Prometheus"/> is null).</summary>
    public WebMetricPlan? Web { get; init; }

    /// <summary>Set for a job metric (then <see cref="MetricPlan.Prometheus"/> is null): a measurement spans reconciles.</summary>
    public JobMetricPlan? Job { get; init; }

    /// <summary>Set for an SLO burn-rate gate: the metric is judged by its burn rates (the analysis' SLO judge), not by conditions.</summary>
    public SloPlan? Slo { get; init; }
}
