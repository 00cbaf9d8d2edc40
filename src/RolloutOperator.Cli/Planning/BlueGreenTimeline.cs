using RolloutOperator.Cli.Manifests;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Cli.Planning;

/// <summary>The blue/green timeline: preview up, pre-promotion analysis, promotion, post-promotion analysis.</summary>
internal static class BlueGreenTimeline
{
    public static List<PlanStage> Stages(RolloutManifest rollout, RolloutPlan plan, BlueGreenPlan blueGreen, IReadOnlyDictionary<string, string> builtIns)
    {
        var deadline = (long)plan.ProgressDeadline.TotalSeconds;
        var total = plan.Replicas;
        var preview = blueGreen.PreviewReplicas ?? total;
        var stages = new List<PlanStage>
        {
            new(0, "scale up preview", 0, total, preview, null, null, [], false, 0, deadline),
        };
        if (blueGreen.PrePromotion is { } pre)
        {
            stages.Add(new(0, "pre-promotion analysis", 0, total, preview, null, PlanAnalysisBuilder.Build("prePromotion", pre, builtIns, rollout),
                [], false, AnalysisTiming.MinSeconds(pre), AnalysisTiming.MaxSeconds(pre)));
        }

        var delay = (long)blueGreen.AutoPromotionDelay.TotalSeconds;
        stages.Add(blueGreen.AutoPromotion
            ? new(0, $"auto-promotion after {DurationText.Format(delay)}", 0, total, total, delay > 0 ? DurationText.Format(delay) : null, null, [], false, delay, delay + deadline)
            : new(0, "pause until promoted", 0, total, preview, "until promoted", null, [], false, 0, null));
        stages.Add(new(0, "switch active Service", 100, total, total, null, null, [], false, 0, deadline));
        if (blueGreen.PostPromotion is { } post)
        {
            stages.Add(new(0, "post-promotion analysis", 100, total, total, null, PlanAnalysisBuilder.Build("postPromotion", post, builtIns, rollout),
                [], false, AnalysisTiming.MinSeconds(post), AnalysisTiming.MaxSeconds(post)));
        }

        return [.. stages.Select((s, i) => s with { Number = i + 1 })];
    }
}
