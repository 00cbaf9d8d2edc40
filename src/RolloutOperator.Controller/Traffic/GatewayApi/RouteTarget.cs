namespace RolloutOperator.Controller.Traffic.GatewayApi;

/// <summary>One route the Rollout manages, with the Services whose backendRefs carry the weights.</summary>
internal sealed record RouteTarget(RouteKind Kind, string Namespace, string Name, string? Rule, string StableService, string CanaryService)
{
    public override string ToString() => $"{Kind.Kind} {Namespace}/{Name}";

    /// <summary>Where the route lives in the API.</summary>
    public CustomObjectRef Address => new(RouteKind.Group, RouteKind.Version, Namespace, Kind.Plural, Name);

    public static IReadOnlyList<RouteTarget> From(TrafficRoutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var gateway = context.Routing.GatewayApi
            ?? throw new TrafficRoutingException("trafficRouting.gatewayAPI is not set");
        var http = (gateway.HttpRoutes ?? []).Select(r => Create(RouteKind.Http, r.Name, r.Rule));
        var grpc = (gateway.GrpcRoutes ?? []).Select(r => Create(RouteKind.Grpc, r.Name, r.Rule));
        var targets = http.Concat(grpc).ToList();
        return targets.Count > 0
            ? targets
            : throw new TrafficRoutingException("trafficRouting.gatewayAPI lists no httpRoutes or grpcRoutes");

        RouteTarget Create(RouteKind kind, string name, string? rule) =>
            new(kind, context.Namespace, name, rule, context.StableService, context.CanaryService);
    }
}
