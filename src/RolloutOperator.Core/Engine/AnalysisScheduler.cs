using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>Which metrics the controller must measure now: only analyses that still gate the revision being rolled out.</summary>
public static class AnalysisScheduler
{
    public static IReadOnlyList<DueMeasurement> DueMeasurements(RolloutPlan plan, RolloutStatus status, DateTimeOffset now)
    {
        if (status.CanaryRevision != plan.Revision || status.Abort?.Revision == plan.Revision || status.Analyses is null)
        {
            return [];
        }

        var due = new List<DueMeasurement>();
        foreach (var run in status.Analyses)
        {
            if (run.Phase != AnalysisPhase.Running || run.Revision != plan.Revision || ActivePlan(plan, status, run.Key) is not { } analysis)
            {
                continue;
            }

            foreach (var metric in AnalysisEvaluator.Due(run, analysis, now))
            {
                var metricStatus = run.Metrics.Find(m => m.Name == metric.Name);
                due.Add(new DueMeasurement(run.Key, run.Revision, metric, analysis)
                {
                    MeasurementIndex = metricStatus is null ? 0 : metricStatus.Successful + metricStatus.Failed + metricStatus.Inconclusive + metricStatus.Error,
                    RunStartedAt = run.StartedAt,
                    InProgress = metricStatus?.InProgress,
                });
            }
        }

        return due;
    }

    /// <summary>The plan of an analysis that is still active; a skipped step's leftover run is not measured.</summary>
    public static AnalysisPlan? ActivePlan(RolloutPlan plan, RolloutStatus status, string key) => plan.Strategy switch
    {
        CanaryPlan canary when key == CanaryDecider.BackgroundKey => canary.Background,
        CanaryPlan canary when key == CanaryDecider.StepKey(status.CurrentStepIndex ?? -1)
            && status.CurrentStepIndex < canary.Steps.Count
            && canary.Steps[status.CurrentStepIndex.Value] is AnalysisStepPlan step => step.Analysis,
        BlueGreenPlan blueGreen when key == BlueGreenDecider.PrePromotionKey => blueGreen.PrePromotion,
        BlueGreenPlan blueGreen when key == BlueGreenDecider.PostPromotionKey => blueGreen.PostPromotion,
        _ => null,
    };
}
