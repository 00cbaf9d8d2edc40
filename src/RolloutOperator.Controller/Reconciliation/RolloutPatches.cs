using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using RolloutOperator.Controller.Caching;
using RolloutOperator.Controller.Status;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Reconciliation;

/// <summary>Metadata merge patches on the Rollout itself (the traffic finalizer and its record; the spec is never written).</summary>
internal sealed class RolloutPatches
{
    private readonly IKubernetes _client;

    public RolloutPatches(IKubernetes client) => _client = client;

    /// <summary>
    /// Sets the finalizers and the managed-routes annotation (null removes it) in one patch, so the finalizer never
    /// exists without the record of what it must reset.
    /// </summary>
    public async Task<Rollout> SetFinalizersAsync(Rollout rollout, IReadOnlyList<string> finalizers, string? managedRoutes, CancellationToken cancellationToken)
    {
        var list = new JsonArray();
        foreach (var finalizer in finalizers)
        {
            list.Add(finalizer);
        }

        // Merge patch replaces the whole list; the resourceVersion guard keeps a finalizer added meanwhile by someone else.
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["finalizers"] = list,
                ["annotations"] = new JsonObject { [RolloutApi.ManagedRoutesAnnotation] = managedRoutes },
                ["resourceVersion"] = rollout.Metadata.ResourceVersion,
            },
        };
        try
        {
            var result = await _client.CustomObjects.PatchNamespacedCustomObjectAsync(
                new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch),
                ApiResources.Rollouts.Group,
                ApiResources.Rollouts.Version,
                rollout.Metadata.NamespaceProperty,
                ApiResources.Rollouts.Plural,
                rollout.Metadata.Name,
                fieldManager: Core.Api.ApiGroup.FieldManager,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return (result is JsonElement element ? KubernetesJson.Deserialize<Rollout>(element.GetRawText()) : null) ?? rollout;
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Conflict)
        {
            throw new RolloutConflictException($"Rollout {rollout.Metadata.Name} changed while setting finalizers", ex);
        }
    }

    public async Task<Rollout?> GetAsync(string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _client.CustomObjects.GetNamespacedCustomObjectAsync(
                ApiResources.Rollouts.Group, ApiResources.Rollouts.Version, ns, ApiResources.Rollouts.Plural, name, cancellationToken).ConfigureAwait(false);
            return result is JsonElement element ? KubernetesJson.Deserialize<Rollout>(element.GetRawText()) : null;
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
