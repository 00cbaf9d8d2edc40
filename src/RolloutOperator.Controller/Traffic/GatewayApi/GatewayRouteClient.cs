using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Traffic.GatewayApi;

/// <summary>Reads routes as JSON (so no user field is lost to a partial model) and sends JSON patches.</summary>
internal sealed class GatewayRouteClient(IKubernetes client)
{
    public const string FieldManager = ApiGroup.FieldManager;

    /// <summary>The route, or null when it does not exist.</summary>
    public async Task<JsonObject?> FindAsync(RouteTarget target, CancellationToken cancellationToken)
    {
        try
        {
            var result = await client.CustomObjects.GetNamespacedCustomObjectAsync(
                RouteKind.Group, RouteKind.Version, target.Namespace, target.Kind.Plural, target.Name, cancellationToken).ConfigureAwait(false);
            return ToJson(result);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<JsonObject> GetAsync(RouteTarget target, CancellationToken cancellationToken) =>
        await FindAsync(target, cancellationToken).ConfigureAwait(false)
        ?? throw new TrafficRoutingException($"{target} not found");

    public Task PatchAsync(RouteTarget target, JsonArray operations, CancellationToken cancellationToken) =>
        client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(operations.ToJsonString(), V1Patch.PatchType.JsonPatch),
            RouteKind.Group,
            RouteKind.Version,
            target.Namespace,
            target.Kind.Plural,
            target.Name,
            fieldManager: FieldManager,
            cancellationToken: cancellationToken);

    public static string ResourceVersion(JsonObject route) =>
        route["metadata"]?["resourceVersion"]?.GetValue<string>() ?? "";

    private static JsonObject ToJson(object result) => result switch
    {
        JsonElement element => JsonNode.Parse(element.GetRawText())!.AsObject(),
        _ => JsonNode.Parse(KubernetesJson.Serialize(result))!.AsObject(),
    };
}
