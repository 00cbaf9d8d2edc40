using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Traffic;

/// <summary>
/// Reads user-owned routing objects as JSON (so no field is lost to a partial model) and sends JSON patches as the
/// operator's field manager. The routers that edit routes in place share it.
/// </summary>
internal sealed class JsonCustomObjects(IKubernetes client)
{
    /// <summary>The object, or null when it does not exist.</summary>
    public async Task<JsonObject?> FindAsync(CustomObjectRef target, CancellationToken cancellationToken)
    {
        try
        {
            var result = await client.CustomObjects.GetNamespacedCustomObjectAsync(
                target.Group, target.Version, target.Namespace, target.Plural, target.Name, cancellationToken).ConfigureAwait(false);
            return result switch
            {
                JsonElement element => JsonNode.Parse(element.GetRawText())!.AsObject(),
                _ => JsonNode.Parse(KubernetesJson.Serialize(result))!.AsObject(),
            };
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task PatchAsync(CustomObjectRef target, JsonArray operations, CancellationToken cancellationToken) =>
        client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(operations.ToJsonString(), V1Patch.PatchType.JsonPatch),
            target.Group,
            target.Version,
            target.Namespace,
            target.Plural,
            target.Name,
            fieldManager: ApiGroup.FieldManager,
            cancellationToken: cancellationToken);
}
