using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>A metric the controller must query now, for the analysis (key) and revision it belongs to.</summary>
public sealed record DueMeasurement(string AnalysisKey, string Revision, MetricPlan Metric, AnalysisPlan Analysis)
{
    /// <summary>How many measurements the metric has recorded in this run: names the next one (a job metric's Job).</summary>
    public int MeasurementIndex { get; init; }

    /// <summary>When the run started: a restarted run of the same revision names its measurements apart.</summary>
    public DateTimeOffset RunStartedAt { get; init; }

    /// <summary>The measurement already running for this metric, if any.</summary>
    public Api.MeasurementInProgress? InProgress { get; init; }
}
