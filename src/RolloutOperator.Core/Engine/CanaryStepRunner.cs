using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>Executes one canary step; its outcome is done when the step is complete.</summary>
internal static class CanaryStepRunner
{
    public static StepOutcome Run(DecisionContext ctx, CanaryPlan plan, int index, string canary, string stable, bool promoteOne)
    {
        if (promoteOne)
        {
            return StepOutcome.Passed;
        }

        var state = CanaryStepState.At(plan, index);
        return plan.Steps[index] switch
        {
            PauseStepPlan pause => RunPause(ctx, pause),
            AnalysisStepPlan analysis => RunAnalysis(ctx, plan, index, analysis),
            _ => Reached(ctx, plan, state, canary, stable, index),
        };
    }

    private static StepOutcome Reached(DecisionContext ctx, CanaryPlan plan, CanaryStepState state, string canary, string stable, int index)
    {
        if (CanaryWorld.Apply(ctx, plan, state, canary, stable))
        {
            return StepOutcome.Passed;
        }

        return StepOutcome.Wait($"step {index + 1}/{plan.Steps.Count}: waiting for canary weight {state.Weight} " +
            $"({ctx.Available(canary)}/{state.CanaryReplicas(ctx.Plan.Replicas)} canary pods available)");
    }

    private static StepOutcome RunPause(DecisionContext ctx, PauseStepPlan pause)
    {
        var started = ctx.Status.StepStartedAt ?? ctx.Now;
        if (pause.Duration is not { } duration)
        {
            Pause(ctx, PauseReasons.CanaryStep, null);
            return StepOutcome.Held;
        }

        // Compared to the precise time: the start keeps its sub-second digits, so the pause lasts its whole duration.
        var resumeAt = KubeTime.After(started, duration);
        if (ctx.PreciseNow >= resumeAt)
        {
            return StepOutcome.Passed;
        }

        Pause(ctx, PauseReasons.CanaryStep, resumeAt);
        ctx.WakeAt(resumeAt);
        return StepOutcome.Held;
    }

    private static StepOutcome RunAnalysis(DecisionContext ctx, CanaryPlan plan, int index, AnalysisStepPlan step)
    {
        var run = AnalysisDriver.Drive(ctx, CanaryDecider.StepKey(index), step.Analysis);
        switch (run.Phase)
        {
            case AnalysisPhase.Successful:
                return StepOutcome.Passed;
            case AnalysisPhase.Inconclusive:
                Pause(ctx, PauseReasons.Inconclusive, null);
                return StepOutcome.Held;
            case AnalysisPhase.Running:
                return AnalysisDriver.Outcome(run) with { Waiting = $"step {index + 1}/{plan.Steps.Count}: analysis running" };
            default:
                Aborts.Abort(ctx, AbortReasons.AnalysisFailed, $"step {index + 1} analysis: {run.Message}", CanaryDecider.AbortDelay(plan));
                return StepOutcome.Abort;
        }
    }

    /// <summary>Records a pause once; the start time is kept so a reconcile that finds nothing new writes nothing.</summary>
    public static void Pause(DecisionContext ctx, string reason, DateTimeOffset? resumeAt)
    {
        if (ctx.Status.HasPause(reason))
        {
            return;
        }

        ctx.Status.Pauses.Add(new PauseStatus { Reason = reason, StartedAt = ctx.Now, ResumeAt = resumeAt });
        ctx.Normal("RolloutPaused", resumeAt is null
            ? $"Revision {ctx.Target} paused ({reason}) until promoted"
            : $"Revision {ctx.Target} paused ({reason}) until {resumeAt:yyyy-MM-ddTHH:mm:ssZ}");
    }
}
