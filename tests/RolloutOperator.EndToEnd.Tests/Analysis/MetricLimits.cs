namespace RolloutOperator.EndToEnd.Tests.Analysis;

/// <summary>The limits of one metric (see docs/analysis.md), defaulting to a short gating analysis.</summary>
internal sealed record MetricLimits(
    string Interval = "2s",
    string? InitialDelay = "3s",
    int Count = 2,
    int FailureLimit = 0,
    int InconclusiveLimit = 0,
    int ConsecutiveErrorLimit = 3,
    string NoDataPolicy = "Retry");
