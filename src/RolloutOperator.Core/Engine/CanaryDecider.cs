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

    public static StepOutcome Decide(DecisionContext ctx, CanaryPlan plan, bool promoteOne)
    {
        var status = ctx.Status;
        var stable = status.StableRevision!;
        if (status.CanaryRevision is null)
        {
            SteadyState(ctx, plan, stable);
            return StepOutcome.Passed;
        }

        var canary = status.CanaryRevision;
        if (status.IsAborted(canary))
        {
            Aborted(ctx, plan);
            return StepOutcome.Abort;
        }

        if (ErrorBudgetGate.Holds(ctx, canary) is { } frozen)
        {
            ctx.World.Clear();
            CanaryWorld.Apply(ctx, plan, ErrorBudgetGate.Closed, canary, stable);
            PointServices(ctx, stable, canary);
            return StepOutcome.Wait(frozen);
        }

        var outcome = Progress(ctx, plan, canary, stable, promoteOne);
        ApplyFinalState(ctx, plan, outcome);
        return outcome;
    }

    /// <summary>The world of an aborted revision: traffic back to stable, the canary left to its scale-down.</summary>
    public static void Aborted(DecisionContext ctx, CanaryPlan plan)
    {
        var stable = ctx.Status.StableRevision!;
        var canary = ctx.Status.CanaryRevision!;
        ctx.World.Clear();
        CanaryWorld.ApplyAborted(ctx, plan, canary, stable);
        PointServices(ctx, stable, canary);
    }

    // Progress probed the world of the steps it tried; the desired world is that of the state it ended in.
    private static void ApplyFinalState(DecisionContext ctx, CanaryPlan plan, StepOutcome outcome)
    {
        var status = ctx.Status;
        if (status.CanaryRevision is not { } canary)
        {
            ctx.World.Clear();
            SteadyState(ctx, plan, status.StableRevision!);
            return;
        }

        if (status.IsAborted(canary))
        {
            Aborted(ctx, plan);
            return;
        }

        var stable = status.StableRevision!;
        ctx.World.Clear();
        var state = outcome.Hold ?? CanaryStepState.At(plan, status.CurrentStepIndex ?? 0);
        if (ctx.Plan.Paused || status.HasPause(PauseReasons.Manual) || ctx.Observation.MissingServices.Count > 0)
        {
            CanaryWorld.ApplyFrozen(ctx, plan, state, canary, stable);
        }
        else
        {
            CanaryWorld.Apply(ctx, plan, state, canary, stable);
        }

        PointServices(ctx, stable, canary);
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

    private static StepOutcome Progress(DecisionContext ctx, CanaryPlan plan, string canary, string stable, bool promoteOne)
    {
        var status = ctx.Status;
        var index = status.FullPromotion ? plan.Steps.Count : status.CurrentStepIndex ?? 0;
        if (promoteOne)
        {
            // A promote releases whatever holds the current step, manual pause included.
            status.Pauses.Clear();
        }

        var outcome = CanaryGates.BeforeFirstStep(ctx, plan, index, canary, stable);
        if (!outcome.Done)
        {
            status.CurrentStepIndex = index;
            return outcome;
        }

        while (index < plan.Steps.Count)
        {
            outcome = outcome.Then(Step(ctx, plan, index, canary, stable, promoteOne));
            if (!outcome.Done)
            {
                break;
            }

            status.Pauses.RemoveAll(p => p.Reason is PauseReasons.CanaryStep or PauseReasons.Inconclusive);
            ctx.Normal("StepCompleted", $"Revision {canary}: step {index + 1}/{plan.Steps.Count} completed");
            index++;

            // A promote moves one step on, no further.
            promoteOne = false;
            status.StepStartedAt = ctx.PreciseNow;
            ctx.MarkProgress();
        }

        status.CurrentStepIndex = index;
        return outcome.Aborted ? outcome : AfterSteps(ctx, plan, index, canary, stable, promoteOne, outcome);
    }

    /// <summary>One step: may it advance, its confirm gate, its work, its rollout gates; the first that holds ends it.</summary>
    private static StepOutcome Step(DecisionContext ctx, CanaryPlan plan, int index, string canary, string stable, bool promoteOne) =>
        CanAdvance(ctx, plan, index, canary, stable)
            .IfDone(() => CanaryGates.BeforeStep(ctx, plan, index))
            .IfDone(() => CanaryStepRunner.Run(ctx, plan, index, canary, stable, promoteOne))
            .IfDone(() => CanaryGates.AfterStep(ctx, plan, index));

    /// <summary>Background analysis, then (once every step is done and nothing holds) the promotion.</summary>
    private static StepOutcome AfterSteps(DecisionContext ctx, CanaryPlan plan, int index, string canary, string stable, bool promoteOne, StepOutcome steps)
    {
        var background = Background(ctx, plan, index, promoteOne);
        var outcome = steps.Then(background);
        if (!background.Done || index < plan.Steps.Count)
        {
            return outcome;
        }

        if (ctx.Holding() is { } held)
        {
            return outcome.Then(StepOutcome.Wait(held));
        }

        return outcome
            .IfDone(() => CanaryGates.BeforePromotion(ctx, plan))
            .IfDone(() => TryPromote(ctx, plan, canary, stable));
    }

    private static StepOutcome CanAdvance(DecisionContext ctx, CanaryPlan plan, int index, string canary, string stable)
    {
        if (ctx.Holding() is { } held)
        {
            return StepOutcome.Wait(held);
        }

        // Shifting more traffic while the fallback is short of pods would leave nothing to roll back to.
        CanaryWorld.Apply(ctx, plan, CanaryStepState.At(plan, index), canary, stable);
        var stableWanted = ctx.World.Replicas[stable];
        if (ctx.Available(stable) < stableWanted - plan.MaxUnavailable)
        {
            return StepOutcome.Wait($"waiting for stable revision {stable}: {ctx.Available(stable)}/{stableWanted} available");
        }

        return StepOutcome.Passed;
    }

    /// <summary>Drives the background analysis; not done when it holds or ended the rollout.</summary>
    private static StepOutcome Background(DecisionContext ctx, CanaryPlan plan, int index, bool promoteOne)
    {
        if (plan.Background is null || index < plan.BackgroundStartingStep || ctx.Status.FullPromotion)
        {
            return StepOutcome.Passed;
        }

        var run = AnalysisDriver.Drive(ctx, BackgroundKey, plan.Background);
        if (AnalysisDriver.IsFailure(run.Phase))
        {
            Aborts.Abort(ctx, AbortReasons.AnalysisFailed, $"background analysis: {run.Message}", AbortDelay(plan));
            return StepOutcome.Abort;
        }

        if (run.Phase == AnalysisPhase.Inconclusive)
        {
            // A promote starts the analysis over; without one, the rollout pauses until someone decides.
            if (promoteOne)
            {
                AnalysisDriver.Restart(ctx, BackgroundKey);
            }
            else
            {
                CanaryStepRunner.Pause(ctx, PauseReasons.Inconclusive, null);
            }

            return StepOutcome.Held;
        }

        // A running background analysis does not hold the steps, but its limits bound the wait, not the deadline.
        return AnalysisDriver.Outcome(run) with { Done = true };
    }

    private static StepOutcome TryPromote(DecisionContext ctx, CanaryPlan plan, string canary, string stable)
    {
        var reached = CanaryWorld.Apply(ctx, plan, CanaryStepState.At(plan, plan.Steps.Count), canary, stable);
        if (!reached)
        {
            return StepOutcome.Wait($"promoting: waiting for revision {canary} to take all traffic ({ctx.Available(canary)}/{ctx.Plan.Replicas} available)");
        }

        if (plan.Background is not null && !ctx.Status.FullPromotion && !BackgroundPassing(ctx, plan.Background))
        {
            return StepOutcome.Wait("promoting: waiting for a successful measurement of every background metric");
        }

        ConcludeBackground(ctx);
        Promotion.Complete(ctx, canary);
        GateKeeper.Fire(ctx, WebhookType.PostRollout, canary, PostRolloutScope);
        ctx.ScheduleScaleDown(stable, plan.ScaleDownDelay);
        ctx.AddHistory(canary, RevisionOutcome.Promoted, $"promoted; revision {stable} scales down in {Durations.Format(plan.ScaleDownDelay)}");
        ctx.Normal("RolloutPromoted", $"Revision {canary} is now stable; revision {stable} scales down after {Durations.Format(plan.ScaleDownDelay)}");
        return StepOutcome.Passed;
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
