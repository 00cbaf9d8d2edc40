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

    public static StepOutcome Decide(DecisionContext ctx, BlueGreenPlan plan, bool promoteOne)
    {
        var status = ctx.Status;
        var preview = status.CanaryRevision;
        if (preview is null || status.IsAborted(preview))
        {
            Apply(ctx, plan, previewReleased: false);
            return preview is null ? StepOutcome.Passed : StepOutcome.Abort;
        }

        // Held before its first step (error budget) or before the preview starts (confirm-rollout): the preview gets no
        // pods, the active revision keeps serving.
        var start = ErrorBudgetGate.Holds(ctx, preview) is { } frozen ? StepOutcome.Wait(frozen)
            : status.FullPromotion ? StepOutcome.Passed
            : GateKeeper.Passes(ctx, WebhookType.ConfirmRollout, CanaryGates.RolloutScope, null, TimeSpan.Zero);
        if (!start.Done)
        {
            Apply(ctx, plan, previewReleased: false);
            ctx.World.Replicas[preview] = 0;
            return start;
        }

        var outcome = Progress(ctx, plan, preview, status.StableRevision!, promoteOne);
        Apply(ctx, plan, outcome.PreviewReleased);
        return outcome;
    }

    /// <summary>The world of an aborted preview: the active Service back on stable, the preview left to its scale-down.</summary>
    public static void Aborted(DecisionContext ctx, BlueGreenPlan plan) => Apply(ctx, plan, previewReleased: false);

    private static StepOutcome Progress(DecisionContext ctx, BlueGreenPlan plan, string preview, string stable, bool promoteOne)
    {
        var bg = ctx.Status.BlueGreen ?? new BlueGreenStatus { ActiveRevision = stable };
        if (promoteOne)
        {
            bg = bg with { PromoteRequested = true };
            ctx.Status.Pauses.RemoveAll(p => p.Reason is PauseReasons.BlueGreen or PauseReasons.Inconclusive or PauseReasons.Manual);
        }

        ctx.Status.BlueGreen = bg;
        if (ctx.Holding() is { } held)
        {
            return StepOutcome.Wait(held);
        }

        return bg.ActiveRevision == preview
            ? AfterSwitch(ctx, plan, preview, stable, promoteOne)
            : BeforeSwitch(ctx, plan, preview, promoteOne);
    }

    private static StepOutcome BeforeSwitch(DecisionContext ctx, BlueGreenPlan plan, string preview, bool promoteOne)
    {
        var previewReplicas = plan.PreviewReplicas ?? ctx.Plan.Replicas;
        if (ctx.Available(preview) < previewReplicas && ctx.Status.BlueGreen!.PreviewReadyAt is null)
        {
            return StepOutcome.Wait($"waiting for preview revision {preview}: {ctx.Available(preview)}/{previewReplicas} available");
        }

        if (ctx.Status.BlueGreen!.PreviewReadyAt is null)
        {
            ctx.Status.BlueGreen = ctx.Status.BlueGreen with { PreviewReadyAt = ctx.Now };
            ctx.MarkProgress();
        }

        var gates = GatesPassed(ctx, plan, WebhookType.PreRollout, CanaryGates.RolloutScope)
            .IfDone(() => GatesPassed(ctx, plan, WebhookType.Rollout, CanaryGates.PromotionScope))
            .IfDone(() => PrePromotionPassed(ctx, plan, promoteOne))
            .IfDone(() => PromotionReleased(ctx, plan))
            .IfDone(() => GatesPassed(ctx, plan, WebhookType.ConfirmPromotion, CanaryGates.PromotionScope));
        if (!gates.Done)
        {
            return gates;
        }

        var released = gates with { PreviewReleased = true };
        if (ctx.Available(preview) < ctx.Plan.Replicas)
        {
            return released.Then(StepOutcome.Wait($"promoting: waiting for revision {preview} to scale to {ctx.Plan.Replicas} ({ctx.Available(preview)} available)"));
        }

        ctx.Status.BlueGreen = ctx.Status.BlueGreen with { ActiveRevision = preview, SwitchedAt = ctx.Now };
        ctx.MarkProgress();
        ctx.Normal("ActiveServiceSwitched", $"Active Service switched to revision {preview}");
        return released.Then(AfterSwitch(ctx, plan, preview, ctx.Status.StableRevision!, promoteOne));
    }

    /// <summary>Webhook gates before the switch: pre-rollout and rollout once the preview is up, confirm-promotion last.</summary>
    private static StepOutcome GatesPassed(DecisionContext ctx, BlueGreenPlan plan, WebhookType type, string scope) =>
        ctx.Status.FullPromotion || !GateKeeper.Any(ctx, type)
            ? StepOutcome.Passed
            : GateKeeper.Passes(ctx, type, scope, null, plan.AbortScaleDownDelay);

    private static StepOutcome PrePromotionPassed(DecisionContext ctx, BlueGreenPlan plan, bool promoteOne)
    {
        if (plan.PrePromotion is null || ctx.Status.FullPromotion)
        {
            return StepOutcome.Passed;
        }

        return Gate(ctx, plan, PrePromotionKey, plan.PrePromotion, "pre-promotion", promoteOne);
    }

    /// <summary>An analysis that gates the next move: passes, holds, pauses on inconclusive, or aborts on failure.</summary>
    private static StepOutcome Gate(DecisionContext ctx, BlueGreenPlan plan, string key, AnalysisPlan analysis, string label, bool promoteOne)
    {
        var run = AnalysisDriver.Drive(ctx, key, analysis);
        switch (run.Phase)
        {
            case AnalysisPhase.Successful:
                return StepOutcome.Passed;
            case AnalysisPhase.Running:
                return AnalysisDriver.Outcome(run) with { Waiting = $"{label} analysis running" };
            case AnalysisPhase.Inconclusive when promoteOne:
                return StepOutcome.Passed;
            case AnalysisPhase.Inconclusive:
                CanaryStepRunner.Pause(ctx, PauseReasons.Inconclusive, null);
                return StepOutcome.Held;
            default:
                Aborts.Abort(ctx, AbortReasons.AnalysisFailed, $"{label} analysis: {run.Message}", plan.AbortScaleDownDelay);
                return StepOutcome.Abort;
        }
    }

    private static StepOutcome PromotionReleased(DecisionContext ctx, BlueGreenPlan plan)
    {
        var bg = ctx.Status.BlueGreen!;
        if (bg.PromoteRequested == true || ctx.Status.FullPromotion)
        {
            return StepOutcome.Passed;
        }

        if (!plan.AutoPromotion)
        {
            CanaryStepRunner.Pause(ctx, PauseReasons.BlueGreen, null);
            return StepOutcome.Held;
        }

        var at = KubeTime.After(bg.PreviewReadyAt!.Value, plan.AutoPromotionDelay);
        if (ctx.Now >= at)
        {
            return StepOutcome.Passed;
        }

        ctx.WakeAt(at);
        return StepOutcome.Wait($"automatic promotion at {at:yyyy-MM-ddTHH:mm:ssZ}");
    }

    private static StepOutcome AfterSwitch(DecisionContext ctx, BlueGreenPlan plan, string preview, string stable, bool promoteOne)
    {
        if (plan.PostPromotion is not null && !ctx.Status.FullPromotion
            && Gate(ctx, plan, PostPromotionKey, plan.PostPromotion, "post-promotion", promoteOne) is { Done: false } held)
        {
            return held;
        }

        Promotion.Complete(ctx, preview);
        GateKeeper.Fire(ctx, WebhookType.PostRollout, preview, CanaryDecider.PostRolloutScope);
        ctx.ScheduleScaleDown(stable, plan.ScaleDownDelay);
        ctx.AddHistory(preview, RevisionOutcome.Promoted, $"promoted; revision {stable} scales down in {Durations.Format(plan.ScaleDownDelay)}");
        ctx.Normal("RolloutPromoted", $"Revision {preview} is now stable; revision {stable} scales down after {Durations.Format(plan.ScaleDownDelay)}");
        return StepOutcome.Passed;
    }

    /// <summary>Replicas and Service selectors for the state the decision ended in.</summary>
    private static void Apply(DecisionContext ctx, BlueGreenPlan plan, bool previewReleased)
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
            var full = active == preview || previewReleased;
            world.Replicas[preview] = full ? ctx.Plan.Replicas : plan.PreviewReplicas ?? ctx.Plan.Replicas;
        }
    }
}
