using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Parsing;

/// <summary>Validates spec.strategy.blueGreen and builds the <see cref="BlueGreenPlan"/>.</summary>
internal static class BlueGreenValidator
{
    private const string Path = "spec.strategy.blueGreen";

    public static BlueGreenPlan Parse(BlueGreenStrategy blueGreen, int replicas, ParseContext context, SpecErrors errors)
    {
        CheckServices(blueGreen, errors);
        var previewReplicas = blueGreen.PreviewReplicaCount;
        if (previewReplicas is < 0 || previewReplicas > replicas)
        {
            errors.Add($"{Path}.previewReplicaCount", $"must be between 0 and spec.replicas ({replicas}), got {previewReplicas}");
        }

        return new BlueGreenPlan(
            blueGreen.AutoPromotionEnabled ?? SpecDefaults.AutoPromotionEnabled,
            Fields.Seconds(blueGreen.AutoPromotionSeconds, SpecDefaults.AutoPromotionSeconds, $"{Path}.autoPromotionSeconds", errors),
            previewReplicas,
            AnalysisResolver.Resolve(blueGreen.PrePromotionAnalysis, $"{Path}.prePromotionAnalysis", gating: true, context, errors),
            AnalysisResolver.Resolve(blueGreen.PostPromotionAnalysis, $"{Path}.postPromotionAnalysis", gating: true, context, errors),
            Fields.Seconds(blueGreen.ScaleDownDelaySeconds, SpecDefaults.ScaleDownDelaySeconds, $"{Path}.scaleDownDelaySeconds", errors),
            Fields.Seconds(blueGreen.AbortScaleDownDelaySeconds, SpecDefaults.AbortScaleDownDelaySeconds, $"{Path}.abortScaleDownDelaySeconds", errors),
            HasPreviewService: !Fields.IsBlank(blueGreen.PreviewService));
    }

    private static void CheckServices(BlueGreenStrategy blueGreen, SpecErrors errors)
    {
        if (Fields.IsBlank(blueGreen.ActiveService))
        {
            errors.Add($"{Path}.activeService", "activeService is required");
        }
        else if (blueGreen.PreviewService == blueGreen.ActiveService)
        {
            errors.Add($"{Path}.previewService", "previewService must differ from activeService");
        }
    }
}
