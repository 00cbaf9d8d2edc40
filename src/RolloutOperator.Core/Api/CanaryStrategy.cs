namespace RolloutOperator.Core.Api;

[Description("Canary delivery: steps that set weights, pause, scale and analyse.")]
public sealed class CanaryStrategy
{
    [Description("Ordered steps. Each sets exactly one of its fields.")]
    [MaxLength(100)]
    [AtomicList]
    public List<CanaryStep>? Steps { get; set; }

    [Description("Background analysis that runs from startingStep until promotion; a failure at any step aborts.")]
    public BackgroundAnalysis? Analysis { get; set; }

    [Description("Traffic router. Without one, weights are approximated by replica counts.")]
    public TrafficRouting? TrafficRouting { get; set; }

    [Description("Service that selects the stable revision's pods. Required with a traffic router.")]
    [MaxLength(63)]
    public string? StableService { get; set; }

    [Description("Service that selects the canary revision's pods. Required with a traffic router.")]
    [MaxLength(63)]
    public string? CanaryService { get; set; }

    [Description("Pods above the desired count while shifting, as a number or a percentage.")]
    [IntOrString]
    [DefaultValue("25%")]
    public IntOrString? MaxSurge { get; set; }

    [Description("Pods below the desired count while shifting, as a number or a percentage.")]
    [IntOrString]
    [DefaultValue(0)]
    public IntOrString? MaxUnavailable { get; set; }

    [Description("Seconds after promotion before the previous stable revision is scaled down (instant rollback within it).")]
    [DefaultValue(30)]
    [Range(0, 86400)]
    public int? ScaleDownDelaySeconds { get; set; }

    [Description("Seconds after an abort before the canary revision is scaled down.")]
    [DefaultValue(30)]
    [Range(0, 86400)]
    public int? AbortScaleDownDelaySeconds { get; set; }

    [Description("Scale the stable revision down as traffic moves away from it (needs a traffic router).")]
    [DefaultValue(false)]
    public bool? DynamicStableScale { get; set; }
}
