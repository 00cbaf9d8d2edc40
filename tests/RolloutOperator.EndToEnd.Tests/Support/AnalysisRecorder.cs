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

    /// <summary>The last version seen of each analysis run, by key.</summary>
    public static IReadOnlyDictionary<string, AnalysisRunStatus> LastRuns(this ObjectRecorder<RolloutStatus> recorder, string revision) =>
        recorder.Seen
            .SelectMany(s => s.Analyses ?? [])
            .Where(a => a.Revision == revision)
            .GroupBy(a => a.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    private static RolloutStatus? Project(JsonObject rollout, string name) =>
        rollout["metadata"]?["name"]?.GetValue<string>() == name && rollout["status"] is JsonObject status
            ? status.Deserialize<RolloutStatus>(ApiJson.Options)
            : null;
}
