using RolloutOperator.Cli.Manifests;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Cli.Planning;

/// <summary>
/// Builds the offline timeline of a parsed Rollout. The stages follow the engine's rules (weights accumulate, a step
/// is done when its scale and weight are reached); durations are bounds, not a simulation of a cluster.
/// </summary>
internal static class Planner
{
    public static RolloutTimeline Build(RolloutManifest rollout, RolloutPlan plan)
    {
        var builtIns = PlanVariables.BuiltIns(rollout, plan);
        var notes = new List<string>();
        List<PlanStage> stages;
        PlanAnalysis? background = null;
        string strategy;
        string? router = null;
        switch (plan.Strategy)
        {
            case CanaryPlan canary:
                strategy = "Canary";
                router = canary.Router;
                stages = GateTimeline.Canary(CanaryTimeline.Stages(rollout, plan, canary, builtIns), plan, canary);
                if (canary.Background is { } bg)
                {
                    background = PlanAnalysisBuilder.Build("background", bg, builtIns, rollout, canary.BackgroundStartingStep);
                    notes.Add($"Background analysis runs from step {canary.BackgroundStartingStep + 1} until promotion; a failure aborts at any step.");
                }

                notes.Add($"After promotion the previous stable revision is scaled down after {DurationText.Format(canary.ScaleDownDelay)}; an abort scales the canary down after {DurationText.Format(canary.AbortScaleDownDelay)}.");
                if (router is null)
                {
                    notes.Add("No traffic router: weights are approximated by the ratio of available pods.");
                }

                break;
            case BlueGreenPlan blueGreen:
                strategy = "BlueGreen";
                stages = GateTimeline.BlueGreen(BlueGreenTimeline.Stages(rollout, plan, blueGreen, builtIns), plan);
                notes.Add($"After the switch the previous revision is scaled down after {DurationText.Format(blueGreen.ScaleDownDelay)}.");
                break;
            default:
                throw new InvalidOperationException($"unknown strategy {plan.Strategy.GetType().Name}");
        }

        notes.AddRange(GateTimeline.Notes(plan));
        if (plan.Paused)
        {
            notes.Add("spec.paused is true: nothing advances until it is cleared.");
        }

        notes.Add($"Maximum: steps that wait for pods or traffic are bounded by the progress deadline ({DurationText.Format(plan.ProgressDeadline)}); inconclusive analyses pause for a human and are not counted.");
        var min = stages.Sum(s => s.MinSeconds);
        long? max = stages.All(s => s.MaxSeconds.HasValue) ? stages.Sum(s => s.MaxSeconds!.Value) : null;
        return new RolloutTimeline(rollout.Name, plan.Revision, strategy, router, plan.Replicas, stages, background, min, max, notes);
    }
}
