using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Plans;

/// <summary>One judged metric: its query template (with {{judge.revision}}), the bad direction, tolerance, samples and weight.</summary>
public sealed record JudgeMetricPlan(
    string Name,
    string Query,
    JudgeDirection Direction,
    double Tolerance,
    int MinSamples,
    int Weight);
