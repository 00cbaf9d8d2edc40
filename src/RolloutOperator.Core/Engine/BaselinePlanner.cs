using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>
/// Keeps a judge's baseline exactly while it is needed: pods of the stable template, as many as the canary wants, while an
/// active analysis of the revision being rolled out has a running judge metric with <c>control: Baseline</c>. Promotion,
/// abort, a finished judge or a new revision make it unwanted, and it is deleted. Baselines never enter the desired
/// world, so they get no traffic weight and never count as a revision.
/// </summary>
internal static class BaselinePlanner
{
    public static void Apply(DecisionContext ctx, List<RolloutAction> actions)
    {
        var wanted = Wanted(ctx);
        foreach (var observed in ctx.Observation.Baselines)
        {
            if (wanted?.StableRevision != observed.StableRevision)
            {
                actions.Add(new DeleteBaseline(observed.StableRevision));
            }
        }

        var current = ctx.Observation.Baselines.FirstOrDefault(b => b.StableRevision == wanted?.StableRevision);
        if (wanted is not null && current?.Desired != wanted.Replicas)
        {
            actions.Add(wanted);
        }
    }

    private static ScaleBaseline? Wanted(DecisionContext ctx)
    {
        var status = ctx.Status;
        var canary = ctx.Plan.Revision;
        if (status.StableRevision is not { } stable || stable == canary || status.CanaryRevision != canary || status.IsAborted(canary)
            || !status.Analyses.Exists(run => JudgesAgainstBaseline(ctx, run)))
        {
            return null;
        }

        // As many pods as the canary wants, so both sides carry the same load per pod; at least one.
        var replicas = ctx.World.Replicas.TryGetValue(canary, out var wantedCanary) ? wantedCanary : 0;
        return new ScaleBaseline(stable, Math.Max(1, replicas));
    }

    private static bool JudgesAgainstBaseline(DecisionContext ctx, AnalysisRunStatus run)
    {
        if (run.Phase != AnalysisPhase.Running || run.Revision != ctx.Plan.Revision)
        {
            return false;
        }

        // Which analysis is active depends only on the step being run; a skipped step's leftover run wants no baseline.
        var plan = AnalysisScheduler.ActivePlan(ctx.Plan, new RolloutStatus { CurrentStepIndex = ctx.Status.CurrentStepIndex }, run.Key);
        return plan is not null && plan.Metrics.Any(m => m.Judge?.Control == JudgeControl.Baseline
            && run.Metrics.Find(s => s.Name == m.Name) is { Phase: AnalysisPhase.Running });
    }
}
