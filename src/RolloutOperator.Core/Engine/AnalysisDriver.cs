using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>Starts an analysis of the current revision, folds new measurements into it, and reports verdict changes once.</summary>
internal static class AnalysisDriver
{
    public static AnalysisRunStatus Drive(DecisionContext ctx, string key, AnalysisPlan plan)
    {
        var existing = ctx.Status.FindAnalysis(key);
        var run = existing is not null && existing.Revision == ctx.Target
            ? existing
            : AnalysisEvaluator.Start(key, ctx.Target, plan, ctx.Now);
        var before = existing?.Revision == ctx.Target ? existing.Phase : AnalysisPhase.Running;
        foreach (var measurement in ctx.Observation.Measurements)
        {
            if (measurement.AnalysisKey == key && measurement.Revision == ctx.Target && run.Phase == AnalysisPhase.Running)
            {
                var recorded = AnalysisEvaluator.Record(run, plan, measurement);

                // A measurement still in progress is progress only when it starts, so waiting on it writes nothing.
                if (measurement.InProgress is null || !ReferenceEquals(recorded, run))
                {
                    ctx.MarkProgress();
                }

                run = recorded;
                ReportStableBurning(ctx, key, run, measurement);
            }
        }

        ctx.Status.PutAnalysis(run);
        ReportDryRuns(ctx, key, existing?.Revision == ctx.Target ? existing : null, run);
        if (run.Phase == AnalysisPhase.Running)
        {
            var next = AnalysisEvaluator.NextDue(run, plan, ctx.Now);
            if (next is { } due)
            {
                ctx.WakeAt(due);
            }
        }
        else if (before != run.Phase)
        {
            Report(ctx, key, run);
        }

        return run;
    }

    /// <summary>What a run means for the rest of the decision: while it runs, its own limits bound the wait, not the deadline.</summary>
    public static StepOutcome Outcome(AnalysisRunStatus run) => new() { WaitingOnAnalysis = run.Phase == AnalysisPhase.Running };

    /// <summary>Drops a run so that it starts over (a promote on an inconclusive background analysis).</summary>
    public static void Restart(DecisionContext ctx, string key) => ctx.Status.Analyses.RemoveAll(a => a.Key == key);

    private static void Report(DecisionContext ctx, string key, AnalysisRunStatus run)
    {
        var message = $"Analysis {key} of revision {run.Revision}: {run.Message}";
        switch (run.Phase)
        {
            case AnalysisPhase.Successful:
                ctx.Normal("AnalysisSucceeded", message);
                break;
            case AnalysisPhase.Inconclusive:
                ctx.Warning("AnalysisInconclusive", message);
                break;
            case AnalysisPhase.Error:
                ctx.Warning("AnalysisError", message);
                break;
            default:
                ctx.Warning("AnalysisFailed", message);
                break;
        }
    }

    // A dry-run metric's verdict is reported once, when it completes, under its own reasons: it never aborts or pauses.
    private static void ReportDryRuns(DecisionContext ctx, string key, AnalysisRunStatus? before, AnalysisRunStatus run)
    {
        foreach (var metric in run.Metrics.Where(m => m.DryRun == true && m.Phase != AnalysisPhase.Running))
        {
            var earlier = before?.Metrics.Find(m => m.Name == metric.Name)?.Phase ?? AnalysisPhase.Running;
            if (earlier != AnalysisPhase.Running)
            {
                continue;
            }

            var message = $"Dry-run metric {metric.Name} of analysis {key} (revision {run.Revision}) {RunVerdict.Verb(metric.Phase)}; the rollout is not affected: {metric.Message}";
            if (metric.Phase == AnalysisPhase.Successful)
            {
                ctx.Normal("DryRunMetricSucceeded", message);
            }
            else
            {
                ctx.Warning(metric.Phase switch
                {
                    AnalysisPhase.Failed => "DryRunMetricFailed",
                    AnalysisPhase.Error => "DryRunMetricError",
                    _ => "DryRunMetricInconclusive",
                }, message);
            }
        }
    }

    // An incident on stable is reported in its own right, whatever the policy makes of the canary's measurement.
    private static void ReportStableBurning(DecisionContext ctx, string key, AnalysisRunStatus run, MeasurementResult measurement)
    {
        var last = run.Metrics.Find(m => m.Name == measurement.Metric)?.Measurements.LastOrDefault();
        if (last is { Slo.StableBurning: true } && last.At == KubeTime.Truncate(measurement.At))
        {
            ctx.Warning("StableBurning", $"Analysis {key} of revision {run.Revision}, metric {measurement.Metric}: {last.Message}");
        }
    }

    public static bool IsFailure(AnalysisPhase phase) => phase is AnalysisPhase.Failed or AnalysisPhase.Error;
}
