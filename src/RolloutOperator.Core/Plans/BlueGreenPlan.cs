namespace RolloutOperator.Core.Plans;

public sealed record BlueGreenPlan(
    bool AutoPromotion,
    TimeSpan AutoPromotionDelay,
    int? PreviewReplicas,
    AnalysisPlan? PrePromotion,
    AnalysisPlan? PostPromotion,
    TimeSpan ScaleDownDelay,
    TimeSpan AbortScaleDownDelay,
    bool HasPreviewService) : StrategyPlan;
