using RolloutOperator.Cli.Manifests;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Cli.Planning;

internal static class PlanAnalysisBuilder
{
    public static PlanAnalysis Build(string key, AnalysisPlan analysis, IReadOnlyDictionary<string, string> builtIns, RolloutManifest rollout, int? startingStep = null)
    {
        var known = PlanVariables.For(analysis, builtIns, rollout);
        var metrics = analysis.Metrics.Select(m => new PlanMetric(
            m.Name,
            m.Slo is { } slo ? SloPreview.Render(slo, known) : PlanQueries.Render(m, known),
            DurationText.Format(m.Interval),
            m.Count,
            DurationText.Format(m.InitialDelay),
            m.FailureLimit,
            m.InconclusiveLimit,
            m.ConsecutiveErrorLimit,
            m.NoData.ToString())
        {
            DryRun = m.DryRun,
            MeasurementRetention = m.MeasurementRetention,
            ConsecutiveSuccessLimit = m.ConsecutiveSuccessLimit,
        }).ToList();
        return new PlanAnalysis(key, metrics, startingStep);
    }
}
