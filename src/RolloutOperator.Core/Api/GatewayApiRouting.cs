namespace RolloutOperator.Core.Api;

[Description("Gateway API routing: the operator writes only the weights of the stable and canary backendRefs (and its managed header rules).")]
[CelRule("(has(self.httpRoutes) ? size(self.httpRoutes) : 0) + (has(self.grpcRoutes) ? size(self.grpcRoutes) : 0) > 0", "at least one httpRoute or grpcRoute is required")]
public sealed class GatewayApiRouting
{
    [Description("HTTPRoutes in the Rollout's namespace whose stable/canary backendRefs carry the weights.")]
    [MaxLength(8)]
    [ListMapKeys("name")]
    public List<RouteRef>? HttpRoutes { get; set; }

    [Description("GRPCRoutes in the Rollout's namespace whose stable/canary backendRefs carry the weights.")]
    [MaxLength(8)]
    [ListMapKeys("name")]
    public List<RouteRef>? GrpcRoutes { get; set; }
}
