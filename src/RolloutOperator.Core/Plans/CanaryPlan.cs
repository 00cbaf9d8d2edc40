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
    public string? Router => RouterName(Routers);

    /// <summary>
    /// The one spelling of a Rollout's router in status, metrics, events and the plugin: the names joined with "+", in
    /// spec order; null when there are none.
    /// </summary>
    public static string? RouterName(IReadOnlyList<string> routers)
    {
        ArgumentNullException.ThrowIfNull(routers);
        return routers.Count == 0 ? null : string.Join('+', routers);
    }
}
