using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>Walks the canary steps of the revision being rolled out, then promotes it.</summary>
internal static class CanaryDecider
{
    public const string BackgroundKey = "background";

    /// <summary>The scope post-rollout hooks fire at, for either strategy.</summary>
    public const string PostRolloutScope = "promoted";

    public static string StepKey(int index) => $"step-{index}";

    public static void Decide(DecisionContext ctx, CanaryPlan plan)
    {
        var status = ctx.Status;
        var stable = status.StableRevision!;
        if (status.CanaryRevision is null)
        {
            SteadyState(ctx, plan, stable);
            return;
        }

        var canary = status.CanaryRevision;
        if (!status.IsAborted(canary) && ErrorBudgetGate.Holds(ctx, canary))
        {
            ctx.World.Clear();
            CanaryWorld.Apply(ctx, plan, ErrorBudgetGate.Closed, canary, stable);
            PointServices(ctx, stable, canary);
            return;
        }

        if (!status.IsAborted(canary))
        {
            Progress(ctx, plan, canary, stable);
        }

        // Progress probed the world of the steps it tried; the desired world is that of the state it ended in.
        ctx.World.Clear();

        if (status.IsAborted(canary))
        {
            CanaryWorld.ApplyAborted(ctx, plan, canary, stable);
        }
        else if (status.CanaryRevision is not null)
        {
            var state = ctx.GateHold ?? CanaryStepState.At(plan, status.CurrentStepIndex ?? 0);
            if (ctx.Plan.Paused || status.HasPause(PauseReasons.Manual) || ctx.Observation.MissingServices.Count > 0)
            {
                CanaryWorld.ApplyFrozen(ctx, plan, state, canary, stable);
            }
            else
            {
                CanaryWorld.Apply(ctx, plan, state, canary, stable);
            }
        }
        else
        {
            SteadyState(ctx, plan, status.StableRevision!);
        }

        PointServices(ctx, status.StableRevision!, status.CanaryRevision ?? status.StableRevision!);
    }

    private static void SteadyState(DecisionContext ctx, CanaryPlan plan, string stable)
    {
        var world = ctx.World;
        world.Replicas[stable] = ctx.Plan.Replicas;

        // After a promotion the stable Service is re-pointed first; until it is, the canary Service (already on the new
        // revision) keeps all traffic, so no request goes back to the old pods.
        var stableServiceLags = plan.Router is not null
            && ctx.Observation.Services.TryGetValue(ServiceRole.Stable, out var selected)
            && selected != stable
            && ctx.Observation.Traffic?.CanaryWeight == 100;
        world.CanaryWeight = stableServiceLags ? 100 : 0;
        world.ObservedWeight = plan.Router is null ? 0 : ctx.Observation.Traffic?.CanaryWeight;
        PointServices(ctx, stable, stable);
    }

    private static void PointServices(DecisionContext ctx, string stable, string canary)
    {
        ctx.World.Services[ServiceRole.Stable] = stable;
        ctx.World.Services[ServiceRole.Canary] = canary;
    }

    private static void Progress(DecisionContext ctx, CanaryPlan plan, string canary, string stable)
    {
        var status = ctx.Status;
        var index = status.FullPromotion ? plan.Steps.Count : status.CurrentStepIndex ?? 0;
        if (ctx.PromoteOne)
        {
            // A promote releases whatever holds the current step, manual pause included.
            status.Pauses.Clear();
        }

        if (!CanaryGates.BeforeFirstStep(ctx, plan, index, canary, stable))
        {
            status.CurrentStepIndex = index;
            return;
        }

        while (index < plan.Steps.Count
            && CanAdvance(ctx, plan, index, canary, stable)
            && CanaryGates.BeforeStep(ctx, plan, index)
            && CanaryStepRunner.Run(ctx, plan, index, canary, stable)
            && CanaryGates.AfterStep(ctx, plan, index))
        {
            status.Pauses.RemoveAll(p => p.Reason is PauseReasons.CanaryStep or PauseReasons.Inconclusive);
            ctx.Normal("StepCompleted", $"Revision {canary}: step {index + 1}/{plan.Steps.Count} completed");
            index++;
            ctx.PromoteOne = false;
            status.StepStartedAt = ctx.PreciseNow;
            ctx.MarkProgress();
        }

        status.CurrentStepIndex = index;
        if (status.IsAborted(canary))
        {
            return;
        }

        if (!Background(ctx, plan, index) || index < plan.Steps.Count || status.IsAborted(canary) || Held(ctx)
            || !CanaryGates.BeforePromotion(ctx, plan))
        {
            return;
        }

        TryPromote(ctx, plan, canary, stable);
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

    private static bool CanAdvance(DecisionContext ctx, CanaryPlan plan, int index, string canary, string stable)
    {
        if (Held(ctx))
        {
            return false;
        }

        // Shifting more traffic while the fallback is short of pods would leave nothing to roll back to.
        CanaryWorld.Apply(ctx, plan, CanaryStepState.At(plan, index), canary, stable);
        var stableWanted = ctx.World.Replicas[stable];
        if (ctx.Available(stable) < stableWanted - plan.MaxUnavailable)
        {
            ctx.Waiting = $"waiting for stable revision {stable}: {ctx.Available(stable)}/{stableWanted} available";
            return false;
        }

        return true;
    }

    /// <summary>Drives the background analysis; false when it holds or ended the rollout.</summary>
    private static bool Background(DecisionContext ctx, CanaryPlan plan, int index)
    {
        if (plan.Background is null || index < plan.BackgroundStartingStep || ctx.Status.FullPromotion)
        {
            return true;
        }

        var run = AnalysisDriver.Drive(ctx, BackgroundKey, plan.Background);
        if (AnalysisDriver.IsFailure(run.Phase))
        {
            Aborts.Abort(ctx, AbortReasons.AnalysisFailed, $"background analysis: {run.Message}", AbortDelay(plan));
            return false;
        }

        if (run.Phase == AnalysisPhase.Inconclusive)
        {
            if (ctx.PromoteOne)
            {
                AnalysisDriver.Restart(ctx, BackgroundKey);
                ctx.PromoteOne = false;
                return false;
            }

            CanaryStepRunner.Pause(ctx, PauseReasons.Inconclusive, null);
            return false;
        }

        return true;
    }

    private static void TryPromote(DecisionContext ctx, CanaryPlan plan, string canary, string stable)
    {
        var reached = CanaryWorld.Apply(ctx, plan, CanaryStepState.At(plan, plan.Steps.Count), canary, stable);
        if (!reached)
        {
            ctx.Waiting = $"promoting: waiting for revision {canary} to take all traffic ({ctx.Available(canary)}/{ctx.Plan.Replicas} available)";
            return;
        }

        if (plan.Background is not null && !ctx.Status.FullPromotion && !BackgroundPassing(ctx, plan.Background))
        {
            ctx.Waiting = "promoting: waiting for a successful measurement of every background metric";
            return;
        }

        ConcludeBackground(ctx);
        Promotion.Complete(ctx, canary);
        GateKeeper.Fire(ctx, WebhookType.PostRollout, canary, PostRolloutScope);
        ctx.ScheduleScaleDown(stable, plan.ScaleDownDelay);
        ctx.AddHistory(canary, RevisionOutcome.Promoted, $"promoted; revision {stable} scales down in {Durations.Format(plan.ScaleDownDelay)}");
        ctx.Normal("RolloutPromoted", $"Revision {canary} is now stable; revision {stable} scales down after {Durations.Format(plan.ScaleDownDelay)}");
    }

    /// <summary>Background analysis has no count; promotion ends it, with the verdict it has earned so far.</summary>
    private static void ConcludeBackground(DecisionContext ctx)
    {
        var run = ctx.Status.FindAnalysis(BackgroundKey);
        if (run is { Phase: AnalysisPhase.Running })
        {
            ctx.Status.PutAnalysis(run with { Phase = AnalysisPhase.Successful, Message = "concluded at promotion: every metric passing" });
        }
    }

    private static bool BackgroundPassing(DecisionContext ctx, AnalysisPlan background)
    {
        var run = ctx.Status.FindAnalysis(BackgroundKey);
        return run is not null && AnalysisEvaluator.IsPassingForPromotion(run, background);
    }

    public static TimeSpan AbortDelay(CanaryPlan plan) =>

        // Without a router, canary pods take traffic for as long as they run: scale them down at once.
        plan.Router is null ? TimeSpan.Zero : plan.AbortScaleDownDelay;
}
