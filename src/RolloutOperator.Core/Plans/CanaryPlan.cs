namespace RolloutOperator.Core.Plans;

/// <summary>Canary strategy. <see cref="Routers"/> is empty for replica-ratio canaries.</summary>
public sealed record CanaryPlan(
    IReadOnlyList<CanaryStepPlan> Steps,
    AnalysisPlan? Background,
    int BackgroundStartingStep,
    IReadOnlyList<string> Routers,
    int MaxSurge,
    int MaxUnavailable,
    TimeSpan ScaleDownDelay,
    TimeSpan AbortScaleDownDelay,
    bool DynamicStableScale) : StrategyPlan
{
    /// <summary>The routers by name, joined with "+"; null for replica-ratio canaries.</summary>
    public string? Router => Routers.Count == 0 ? null : string.Join('+', Routers);
}
