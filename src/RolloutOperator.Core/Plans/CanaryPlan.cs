namespace RolloutOperator.Core.Plans;

/// <summary>Canary strategy. <see cref="Router"/> is null for replica-ratio canaries.</summary>
public sealed record CanaryPlan(
    IReadOnlyList<CanaryStepPlan> Steps,
    AnalysisPlan? Background,
    int BackgroundStartingStep,
    string? Router,
    int MaxSurge,
    int MaxUnavailable,
    TimeSpan ScaleDownDelay,
    TimeSpan AbortScaleDownDelay,
    bool DynamicStableScale) : StrategyPlan;
