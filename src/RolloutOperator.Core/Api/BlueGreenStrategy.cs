namespace RolloutOperator.Core.Api;

[Description("Blue/green delivery: the new revision runs behind the preview Service, then the active Service switches to it.")]
public sealed class BlueGreenStrategy
{
    [Description("Service that receives production traffic; it selects the active revision.")]
    [Required]
    [MaxLength(63)]
    public string ActiveService { get; set; } = "";

    [Description("Service that selects the new revision before promotion.")]
    [MaxLength(63)]
    public string? PreviewService { get; set; }

    [Description("Promote automatically once the preview is ready and pre-promotion analysis passed. When false, wait for a promote command.")]
    [DefaultValue(true)]
    public bool? AutoPromotionEnabled { get; set; }

    [Description("Seconds to wait after the preview is ready before automatic promotion.")]
    [DefaultValue(0)]
    [Range(0, 86400)]
    public int? AutoPromotionSeconds { get; set; }

    [Description("Pods of the new revision before promotion (defaults to spec.replicas).")]
    [Range(0, 100000)]
    public int? PreviewReplicaCount { get; set; }

    [Description("Analysis against the preview before switching the active Service.")]
    public RolloutAnalysis? PrePromotionAnalysis { get; set; }

    [Description("Analysis after switching; a failure switches the active Service back.")]
    public RolloutAnalysis? PostPromotionAnalysis { get; set; }

    [Description("Seconds after promotion before the previous revision is scaled down.")]
    [DefaultValue(30)]
    [Range(0, 86400)]
    public int? ScaleDownDelaySeconds { get; set; }

    [Description("Seconds after an abort before the new revision is scaled down.")]
    [DefaultValue(30)]
    [Range(0, 86400)]
    public int? AbortScaleDownDelaySeconds { get; set; }
}
