using System.Text.Json.Nodes;
using k8s;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Traffic.GatewayApi;

/// <summary>Reads routes as JSON (so no user field is lost to a partial model) and sends JSON patches.</summary>
internal sealed class GatewayRouteClient(IKubernetes client)
{
    public const string FieldManager = ApiGroup.FieldManager;

    private readonly JsonCustomObjects _objects = new(client);

    /// <summary>The route, or null when it does not exist.</summary>
    public Task<JsonObject?> FindAsync(RouteTarget target, CancellationToken cancellationToken) =>
        _objects.FindAsync(Address(target), cancellationToken);

    public async Task<JsonObject> GetAsync(RouteTarget target, CancellationToken cancellationToken) =>
        await FindAsync(target, cancellationToken).ConfigureAwait(false)
        ?? throw new TrafficRoutingException($"{target} not found");

    public Task PatchAsync(RouteTarget target, JsonArray operations, CancellationToken cancellationToken) =>
        _objects.PatchAsync(Address(target), operations, cancellationToken);

    public static string ResourceVersion(JsonObject route) =>
        route["metadata"]?["resourceVersion"]?.GetValue<string>() ?? "";

    private static CustomObjectRef Address(RouteTarget target) =>
        new(RouteKind.Group, RouteKind.Version, target.Namespace, target.Kind.Plural, target.Name);
}
