namespace RolloutOperator.Cli.Planning;

/// <summary>
/// One metric of an analysis as the plan shows it; Count is null for background metrics that run until promotion.
/// A dry-run metric is measured but never decides; ConsecutiveSuccessLimit is null when unset.
/// </summary>
internal sealed record PlanMetric(
    string Name,
    string Query,
    string Interval,
    int? Count,
    string InitialDelay,
    int FailureLimit,
    int InconclusiveLimit,
    int ConsecutiveErrorLimit,
    string NoData)
{
    public bool DryRun { get; init; }

    public int MeasurementRetention { get; init; }

    public int? ConsecutiveSuccessLimit { get; init; }
}
