using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using RolloutOperator.Core.Api;

namespace RolloutOperator.EndToEnd.Tests.Support;

/// <summary>
/// Every version of a Rollout's status the watch delivers, so a test can see analyses, weights and revisions that a later
/// state replaced (step analyses are cleared when the next revision starts).
/// </summary>
internal static class AnalysisRecorder
{
    public static ObjectRecorder<RolloutStatus> Start(OperatorCluster cluster, string rollout) =>
        new(cluster.Client, ApiGroup.Name, ApiGroup.Version, cluster.Namespace, "rollouts", o => Project(o, rollout));

    /// <summary>
    /// The last version of each analysis run, by key. <paramref name="latest"/> is the status the test just read: the
    /// watch may not have delivered it yet, and it is newer than anything recorded.
    /// </summary>
    public static IReadOnlyDictionary<string, AnalysisRunStatus> LastRuns(this ObjectRecorder<RolloutStatus> recorder, string revision, RolloutStatus latest) =>
        recorder.Seen
            .Append(latest)
            .SelectMany(s => s.Analyses ?? [])
            .Where(a => a.Revision == revision)
            .GroupBy(a => a.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    private static RolloutStatus? Project(JsonObject rollout, string name) =>
        rollout["metadata"]?["name"]?.GetValue<string>() == name && rollout["status"] is JsonObject status
            ? status.Deserialize<RolloutStatus>(ApiJson.Options)
            : null;
}
