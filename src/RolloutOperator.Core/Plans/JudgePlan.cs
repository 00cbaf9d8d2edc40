using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Plans;

/// <summary>A judge with every default applied: what the canary is compared with and how the score is read.</summary>
public sealed record JudgePlan(
    JudgeControl Control,
    int PassScore,
    int MarginalScore,
    double Significance,
    IReadOnlyList<JudgeMetricPlan> Metrics);
