using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Controller.Workloads;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Jobs;

/// <summary>
/// The Job of one measurement: the metric's bounded JobSpec in the Rollout's namespace, owned by the Rollout (so garbage
/// collection removes it with the Rollout), labelled for the informer. The pods get the rollout's facts as environment
/// variables; the Job carries no revision label, so no Service of the Rollout ever selects its pods.
/// </summary>
internal static class AnalysisJobManifest
{
    public static V1Job Build(Rollout rollout, DueMeasurement due, JobMetricPlan job, string name)
    {
        var spec = job.Spec.DeepClone().AsObject();
        AddEnvironment(spec, rollout, due);
        var manifest = new JsonObject
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "Job",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = rollout.Metadata.NamespaceProperty,
                ["labels"] = new JsonObject
                {
                    [AnalysisJobNames.JobLabel] = RevisionNames.LabelValue(rollout.Metadata.Name),
                    [AnalysisJobNames.RevisionLabel] = RevisionNames.Bounded(due.Revision, 63),
                    [AnalysisJobNames.AnalysisLabel] = RevisionNames.Label(due.AnalysisKey),
                    [AnalysisJobNames.MetricLabel] = RevisionNames.Label(due.Metric.Name),
                },
                ["ownerReferences"] = new JsonArray(RevisionDeploymentManifest.OwnerReference(rollout)),
            },
            ["spec"] = spec,
        };
        return KubernetesJson.Deserialize<V1Job>(manifest.ToJsonString());
    }

    // A variable the user set is kept: the template wins over the operator's defaults.
    private static void AddEnvironment(JsonObject spec, Rollout rollout, DueMeasurement due)
    {
        var values = BuiltInVariables.For(rollout, due.Revision);
        var env = new List<(string Name, string Value)>
        {
            ("ROLLOUT_NAME", rollout.Metadata.Name ?? ""),
            ("ROLLOUT_NAMESPACE", rollout.Metadata.NamespaceProperty ?? ""),
            ("ROLLOUT_REVISION", due.Revision),
            ("ROLLOUT_STABLE_REVISION", values.GetValueOrDefault("revision.stable", "")),
            ("ROLLOUT_CANARY_SERVICE", values.GetValueOrDefault("service.canary", "")),
            ("ROLLOUT_STABLE_SERVICE", values.GetValueOrDefault("service.stable", "")),
            ("ROLLOUT_ANALYSIS", due.AnalysisKey),
            ("ROLLOUT_METRIC", due.Metric.Name),
        };
        foreach (var container in spec["template"]?["spec"]?["containers"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            if (container["env"] is not JsonArray list)
            {
                list = [];
                container["env"] = list;
            }

            var taken = list.OfType<JsonObject>().Select(e => e["name"] is JsonValue v && v.TryGetValue<string>(out var n) ? n : null).ToHashSet(StringComparer.Ordinal);
            foreach (var (name, value) in env.Where(e => !taken.Contains(e.Name)))
            {
                list.Add(new JsonObject { ["name"] = name, ["value"] = value });
            }
        }
    }
}
