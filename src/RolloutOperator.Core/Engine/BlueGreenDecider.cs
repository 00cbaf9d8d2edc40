using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>
/// Blue/green: the new revision comes up behind the preview Service, is analysed, then the active Service switches to it.
/// The previous revision stays at full scale until post-promotion analysis passes, so switching back is instant.
/// </summary>
internal static class BlueGreenDecider
{
    public const string PrePromotionKey = "prePromotion";
    public const string PostPromotionKey = "postPromotion";

    public static void Decide(DecisionContext ctx, BlueGreenPlan plan)
    {
        var status = ctx.Status;
        var stable = status.StableRevision!;
        var preview = status.CanaryRevision;
        if (preview is not null && !status.IsAborted(preview) && ErrorBudgetGate.Holds(ctx, preview))
        {
            // Held before its first step: the preview gets no pods, the active revision keeps serving.
            Apply(ctx, plan);
            ctx.World.Replicas[preview] = 0;
            return;
        }

        if (preview is not null && !status.IsAborted(preview) && !status.FullPromotion
            && GateKeeper.Check(ctx, WebhookType.ConfirmRollout, CanaryGates.RolloutScope).Phase != GatePhase.Passed)
        {
            // Held before the preview starts: no pods until confirmed.
            Apply(ctx, plan);
            ctx.World.Replicas[preview] = 0;
            return;
        }

        if (preview is not null && !status.IsAborted(preview))
        {
            Progress(ctx, plan, preview, stable);
        }

        Apply(ctx, plan);
    }

    private static void Progress(DecisionContext ctx, BlueGreenPlan plan, string preview, string stable)
    {
        var bg = ctx.Status.BlueGreen ?? new BlueGreenStatus { ActiveRevision = stable };
        if (ctx.PromoteOne)
        {
            bg = bg with { PromoteRequested = true };
            ctx.Status.Pauses.RemoveAll(p => p.Reason is PauseReasons.BlueGreen or PauseReasons.Inconclusive or PauseReasons.Manual);
        }

        ctx.Status.BlueGreen = bg;
        if (Held(ctx))
        {
            return;
        }

        if (bg.ActiveRevision == preview)
        {
            AfterSwitch(ctx, plan, preview, stable);
        }
        else
        {
            BeforeSwitch(ctx, plan, preview);
        }
    }

    private static bool Held(DecisionContext ctx)
    {
        var held = ctx.Plan.Paused || ctx.Status.HasPause(PauseReasons.Manual) || ctx.Status.HasPause(PauseReasons.Inconclusive);
        if (held)
        {
            ctx.Waiting = "paused";
        }

        return held || ctx.ServicesMissing();
    }

    private static void BeforeSwitch(DecisionContext ctx, BlueGreenPlan plan, string preview)
    {
        var previewReplicas = plan.PreviewReplicas ?? ctx.Plan.Replicas;
        if (ctx.Available(preview) < previewReplicas && ctx.Status.BlueGreen!.PreviewReadyAt is null)
        {
            ctx.Waiting = $"waiting for preview revision {preview}: {ctx.Available(preview)}/{previewReplicas} available";
            return;
        }

        if (ctx.Status.BlueGreen!.PreviewReadyAt is null)
        {
            ctx.Status.BlueGreen = ctx.Status.BlueGreen with { PreviewReadyAt = ctx.Now };
            ctx.MarkProgress();
        }

        if (!GatesPassed(ctx, plan, WebhookType.PreRollout, CanaryGates.RolloutScope)
            || !GatesPassed(ctx, plan, WebhookType.Rollout, CanaryGates.PromotionScope)
            || !PrePromotionPassed(ctx, plan)
            || !PromotionReleased(ctx, plan)
            || !GatesPassed(ctx, plan, WebhookType.ConfirmPromotion, CanaryGates.PromotionScope))
        {
            return;
        }

        ctx.PreviewReleased = true;
        if (ctx.Available(preview) < ctx.Plan.Replicas)
        {
            ctx.Waiting = $"promoting: waiting for revision {preview} to scale to {ctx.Plan.Replicas} ({ctx.Available(preview)} available)";
            return;
        }

        ctx.Status.BlueGreen = ctx.Status.BlueGreen with { ActiveRevision = preview, SwitchedAt = ctx.Now };
        ctx.MarkProgress();
        ctx.Normal("ActiveServiceSwitched", $"Active Service switched to revision {preview}");
        AfterSwitch(ctx, plan, preview, ctx.Status.StableRevision!);
    }

    /// <summary>Webhook gates before the switch: pre-rollout and rollout once the preview is up, confirm-promotion last.</summary>
    private static bool GatesPassed(DecisionContext ctx, BlueGreenPlan plan, WebhookType type, string scope) =>
        ctx.Status.FullPromotion || !GateKeeper.Any(ctx, type) || GateKeeper.Passes(ctx, type, scope, null, plan.AbortScaleDownDelay);

    private static bool PrePromotionPassed(DecisionContext ctx, BlueGreenPlan plan)
    {
        if (plan.PrePromotion is null || ctx.Status.FullPromotion)
        {
            return true;
        }

        return Gate(ctx, plan, PrePromotionKey, plan.PrePromotion, "pre-promotion");
    }

    /// <summary>An analysis that gates the next move: passes, holds, pauses on inconclusive, or aborts on failure.</summary>
    private static bool Gate(DecisionContext ctx, BlueGreenPlan plan, string key, AnalysisPlan analysis, string label)
    {
        var run = AnalysisDriver.Drive(ctx, key, analysis);
        switch (run.Phase)
        {
            case AnalysisPhase.Successful:
                return true;
            case AnalysisPhase.Running:
                ctx.Waiting = $"{label} analysis running";
                return false;
            case AnalysisPhase.Inconclusive when ctx.PromoteOne:
                return true;
            case AnalysisPhase.Inconclusive:
                CanaryStepRunner.Pause(ctx, PauseReasons.Inconclusive, null);
                return false;
            default:
                Aborts.Abort(ctx, AbortReasons.AnalysisFailed, $"{label} analysis: {run.Message}", plan.AbortScaleDownDelay);
                return false;
        }
    }

    private static bool PromotionReleased(DecisionContext ctx, BlueGreenPlan plan)
    {
        var bg = ctx.Status.BlueGreen!;
        if (bg.PromoteRequested == true || ctx.Status.FullPromotion)
        {
            return true;
        }

        if (!plan.AutoPromotion)
        {
            CanaryStepRunner.Pause(ctx, PauseReasons.BlueGreen, null);
            return false;
        }

        var at = KubeTime.After(bg.PreviewReadyAt!.Value, plan.AutoPromotionDelay);
        if (ctx.Now >= at)
        {
            return true;
        }

        ctx.Waiting = $"automatic promotion at {at:yyyy-MM-ddTHH:mm:ssZ}";
        ctx.WakeAt(at);
        return false;
    }

    private static void AfterSwitch(DecisionContext ctx, BlueGreenPlan plan, string preview, string stable)
    {
        if (plan.PostPromotion is not null && !ctx.Status.FullPromotion
            && !Gate(ctx, plan, PostPromotionKey, plan.PostPromotion, "post-promotion"))
        {
            return;
        }

        Promotion.Complete(ctx, preview);
        GateKeeper.Fire(ctx, WebhookType.PostRollout, preview, CanaryDecider.PostRolloutScope);
        ctx.ScheduleScaleDown(stable, plan.ScaleDownDelay);
        ctx.AddHistory(preview, RevisionOutcome.Promoted, $"promoted; revision {stable} scales down in {Durations.Format(plan.ScaleDownDelay)}");
        ctx.Normal("RolloutPromoted", $"Revision {preview} is now stable; revision {stable} scales down after {Durations.Format(plan.ScaleDownDelay)}");
    }

    /// <summary>Replicas and Service selectors for the state the decision ended in.</summary>
    private static void Apply(DecisionContext ctx, BlueGreenPlan plan)
    {
        var status = ctx.Status;
        var stable = status.StableRevision!;
        var preview = status.CanaryRevision;
        var world = ctx.World;
        world.Clear();
        world.Replicas[stable] = ctx.Plan.Replicas;
        if (preview is null)
        {
            status.BlueGreen = new BlueGreenStatus { ActiveRevision = stable };
            world.Services[ServiceRole.Active] = stable;
            world.Services[ServiceRole.Preview] = stable;
            return;
        }

        var aborted = status.IsAborted(preview);
        var active = aborted ? stable : status.BlueGreen?.ActiveRevision ?? stable;
        status.BlueGreen = (status.BlueGreen ?? new BlueGreenStatus()) with { ActiveRevision = active };
        world.Services[ServiceRole.Active] = active;
        world.Services[ServiceRole.Preview] = preview;
        if (!aborted)
        {
            var full = active == preview || ctx.PreviewReleased;
            world.Replicas[preview] = full ? ctx.Plan.Replicas : plan.PreviewReplicas ?? ctx.Plan.Replicas;
        }
    }
}
