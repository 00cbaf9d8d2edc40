using System.Text.Json.Nodes;
using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Workloads;

/// <summary>
/// The server-side-apply body of a revision Deployment: exactly the fields the operator owns. Applying the same body
/// twice changes nothing, so ScaleRevision is idempotent against a stale cache.
/// </summary>
internal static class RevisionDeploymentManifest
{
    public static JsonObject Build(Rollout rollout, string revision, int replicas, RevisionWorkload workload)
    {
        var meta = rollout.Metadata;
        var labels = GitOpsMetadata.Without(meta.Labels);
        labels[RolloutApi.RolloutLabel] = RevisionNames.LabelValue(meta.Name);
        labels[ApiGroup.RevisionLabel] = revision;
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject
            {
                ["name"] = RevisionNames.Deployment(meta.Name, revision),
                ["namespace"] = meta.NamespaceProperty,
                ["labels"] = ToJson(labels),
                ["ownerReferences"] = new JsonArray(OwnerReference(rollout)),
            },
            ["spec"] = new JsonObject
            {
                ["replicas"] = replicas,
                ["minReadySeconds"] = workload.MinReadySeconds,
                ["selector"] = WithRevision(workload.Selector, revision),
                ["template"] = PodTemplate(workload.PodTemplate, revision),
            },
        };
    }

    /// <summary>Labels a revision manifest (and its pods) as a judge's baseline of <paramref name="stableRevision"/>.</summary>
    public static void MarkBaseline(JsonObject manifest, string stableRevision)
    {
        manifest["metadata"]!["labels"]![JudgeBaseline.Label] = stableRevision;
        manifest["spec"]!["template"]!["metadata"]!["labels"]![JudgeBaseline.Label] = stableRevision;
    }

    public static JsonObject OwnerReference(Rollout rollout) => new()
    {
        ["apiVersion"] = ApiGroup.ApiVersion,
        ["kind"] = Rollout.KindName,
        ["name"] = rollout.Metadata.Name,
        ["uid"] = rollout.Metadata.Uid,
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    };

    private static JsonObject WithRevision(JsonObject selector, string revision)
    {
        var copy = (JsonObject)selector.DeepClone();
        if (copy["matchLabels"] is not JsonObject matchLabels)
        {
            matchLabels = [];
            copy["matchLabels"] = matchLabels;
        }

        matchLabels[ApiGroup.RevisionLabel] = revision;
        return copy;
    }

    // Pods carry the revision label so the stable/canary Services can select one revision; GitOps tracking metadata stays
    // off the pods too, except where the selector needs it (a pod template must match its selector).
    private static JsonObject PodTemplate(JsonObject template, string revision)
    {
        var copy = (JsonObject)template.DeepClone();
        if (copy["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            copy["metadata"] = metadata;
        }

        metadata.Remove("creationTimestamp");
        if (metadata["labels"] is not JsonObject labels)
        {
            labels = [];
            metadata["labels"] = labels;
        }

        labels[ApiGroup.RevisionLabel] = revision;
        if (metadata["annotations"] is JsonObject annotations)
        {
            foreach (var key in annotations.Select(a => a.Key).Where(k => k.StartsWith("argocd.argoproj.io/", StringComparison.Ordinal)).ToList())
            {
                annotations.Remove(key);
            }
        }

        return copy;
    }

    private static JsonObject ToJson(Dictionary<string, string> values)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            obj[key] = value;
        }

        return obj;
    }
}
