using System.Globalization;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Jobs;

/// <summary>
/// The Job of one measurement is named from everything that identifies it: Rollout, revision, analysis, metric, the
/// run's start (a restarted run of the same revision measures afresh) and the measurement's index. Deterministic, so a
/// reconcile that finds the Job missing from a stale cache, or retries after a crash, creates the same one (409) instead
/// of a second.
/// </summary>
internal static class AnalysisJobNames
{
    /// <summary>Selects the Jobs of analyses (the informer's label selector); its value is the Rollout's label value.</summary>
    public const string JobLabel = ApiGroup.Prefix + "analysis-job";

    public const string RevisionLabel = ApiGroup.Prefix + "analysis-revision";

    public const string AnalysisLabel = ApiGroup.Prefix + "analysis";

    public const string MetricLabel = ApiGroup.Prefix + "metric";

    public static string For(string rollout, DueMeasurement due) =>
        RevisionNames.Label(string.Join(
            '-',
            rollout,
            due.Revision,
            due.AnalysisKey,
            due.Metric.Name,
            due.RunStartedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            due.MeasurementIndex.ToString(CultureInfo.InvariantCulture)));
}
