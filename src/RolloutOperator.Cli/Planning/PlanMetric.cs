namespace RolloutOperator.Cli.Planning;

/// <summary>One metric of an analysis as the plan shows it; Count is null for background metrics that run until promotion.</summary>
internal sealed record PlanMetric(
    string Name,
    string Query,
    string Interval,
    int? Count,
    string InitialDelay,
    int FailureLimit,
    int InconclusiveLimit,
    int ConsecutiveErrorLimit,
    string NoData);
