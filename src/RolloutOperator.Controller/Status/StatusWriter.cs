using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using RolloutOperator.Controller.Caching;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Status;

/// <summary>
/// Writes the one status patch of a reconcile: a JSON merge patch on <c>/status</c> holding only what changed, guarded
/// by the resourceVersion the decision was made on. Nothing changed → no request at all. The status is first fitted to
/// <see cref="StatusBudget"/>, so it stays within the CRD's bounds and far below the object size limit.
/// </summary>
internal sealed class StatusWriter
{
    private readonly IKubernetes _client;

    public StatusWriter(IKubernetes client) => _client = client;

    /// <summary>The patched Rollout, or null when there was nothing to write.</summary>
    /// <exception cref="RolloutConflictException">The Rollout changed since it was read.</exception>
    public async Task<Rollout?> WriteAsync(Rollout rollout, RolloutStatus next, CancellationToken cancellationToken)
    {
        // Most reconciles change nothing: equal JSON text (one type, one property order) settles that without parsing.
        var beforeJson = rollout.Status is null ? null : ApiJson.Serialize(rollout.Status);
        var afterJson = StatusBudget.FitWithJson(next).Json;
        if (afterJson == beforeJson)
        {
            return null;
        }

        var before = Parse(beforeJson);
        var after = Parse(afterJson);
        var diff = JsonMergeDiff.Diff(before, after);
        if (diff.Count == 0)
        {
            return null;
        }

        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["resourceVersion"] = rollout.Metadata.ResourceVersion },
            ["status"] = rollout.Status is null ? after : diff,
        };
        try
        {
            var result = await _client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
                new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch),
                ApiResources.Rollouts.Group,
                ApiResources.Rollouts.Version,
                rollout.Metadata.NamespaceProperty,
                ApiResources.Rollouts.Plural,
                rollout.Metadata.Name,
                fieldManager: ApiGroup.FieldManager,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return Deserialize(result);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Conflict)
        {
            throw new RolloutConflictException($"Rollout {rollout.Metadata.NamespaceProperty}/{rollout.Metadata.Name} changed since resourceVersion {rollout.Metadata.ResourceVersion}", ex);
        }
    }

    private static JsonObject Parse(string? json) => json is null ? [] : JsonNode.Parse(json) as JsonObject ?? [];

    private static Rollout? Deserialize(object? result) => result switch
    {
        JsonElement element => KubernetesJson.Deserialize<Rollout>(element),
        null => null,
        _ => KubernetesJson.Deserialize<Rollout>(KubernetesJson.Serialize(result)),
    };
}
