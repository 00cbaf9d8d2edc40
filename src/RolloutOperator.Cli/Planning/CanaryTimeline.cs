using System.Globalization;
using RolloutOperator.Cli.Manifests;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Cli.Planning;

/// <summary>The canary timeline: one stage per step, then promotion.</summary>
internal static class CanaryTimeline
{
    public static List<PlanStage> Stages(RolloutManifest rollout, RolloutPlan plan, CanaryPlan canary, IReadOnlyDictionary<string, string> builtIns)
    {
        var deadline = (long)plan.ProgressDeadline.TotalSeconds;
        var stages = new List<PlanStage>();
        for (var i = 0; i < canary.Steps.Count; i++)
        {
            var state = CanaryStepState.At(canary, i);
            var background = canary.Background is not null && i >= canary.BackgroundStartingStep;
            (string Action, string? Pause, PlanAnalysis? Analysis, long Min, long? Max) row = canary.Steps[i] switch
            {
                PauseStepPlan { Duration: { } d } => ($"pause {DurationText.Format(d)}", DurationText.Format(d), null, Seconds(d), Seconds(d)),
                PauseStepPlan => ("pause until promoted", "until promoted", null, 0L, null),
                AnalysisStepPlan a => ("analysis", null, PlanAnalysisBuilder.Build($"step-{i}", a.Analysis, builtIns, rollout),
                    AnalysisTiming.MinSeconds(a.Analysis), AnalysisTiming.MaxSeconds(a.Analysis)),
                SetWeightStepPlan w => ($"setWeight {w.Weight}", null, null, 0L, deadline),
                SetCanaryScaleStepPlan s => ($"setCanaryScale {ScaleText(s)}", null, null, 0L, deadline),
                SetHeaderRouteStepPlan h => ($"setHeaderRoute {h.Route.Name}{(h.Route.Matches.Count == 0 ? " (remove)" : "")}", null, null, 0L, deadline),
                SetMirrorRouteStepPlan m => (m.Route.Hundredths == 0 ? $"setMirrorRoute {m.Route.Name} (remove)" : $"setMirrorRoute {StepReplicas.MirrorText(m.Route)}", null, null, 0L, deadline),
                var other => (other.GetType().Name, null, null, 0L, deadline),
            };
            stages.Add(new PlanStage(i + 1, row.Action, state.Weight, StepReplicas.Stable(state, canary, plan.Replicas), state.CanaryReplicas(plan.Replicas),
                row.Pause, row.Analysis, StepReplicas.HeaderRoutes(state), background, row.Min, row.Max)
            { MirrorRoutes = StepReplicas.MirrorRoutes(state) });
        }

        var final = CanaryStepState.At(canary, canary.Steps.Count);
        stages.Add(new PlanStage(canary.Steps.Count + 1, "promote", 100, StepReplicas.Stable(final, canary, plan.Replicas),
            plan.Replicas, null, null, [], false, 0, deadline));
        return stages;
    }

    private static string ScaleText(SetCanaryScaleStepPlan step) => (step.Replicas, step.Weight) switch
    {
        ({ } replicas, _) => "replicas=" + replicas.ToString(CultureInfo.InvariantCulture),
        (_, { } weight) => "weight=" + weight.ToString(CultureInfo.InvariantCulture),
        _ => "matchTrafficWeight",
    };

    private static long Seconds(TimeSpan value) => (long)Math.Ceiling(value.TotalSeconds);
}
