using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// The one place that maps the router blocks of spec.strategy.canary.trafficRouting to registered router names. The
/// parser validates through it and the controller resolves routers through it, so a block added here is known to both.
/// </summary>
public static class TrafficRouters
{
    /// <summary>The routers a trafficRouting block names, in a fixed order, each with its field name in the spec.</summary>
    public static IReadOnlyList<NamedRouter> Named(TrafficRouting? routing)
    {
        if (routing is null)
        {
            return [];
        }

        var named = new List<NamedRouter>();
        Add(named, routing.GatewayApi is not null, ParseContext.GatewayApiRouter, "gatewayAPI");
        Add(named, routing.Nginx is not null, ParseContext.NginxRouter, "nginx");
        Add(named, routing.Istio is not null, ParseContext.IstioRouter, "istio");
        Add(named, routing.Alb is not null, ParseContext.AlbRouter, "alb");
        if (routing.Plugin is { Name: { } plugin } && !string.IsNullOrWhiteSpace(plugin))
        {
            named.Add(new NamedRouter(plugin, "plugin"));
        }

        return named;
    }

    /// <summary>The router name of a trafficRouting block, as the plan spells it (<see cref="CanaryPlan.RouterName"/>); null for none.</summary>
    public static string? RouterName(TrafficRouting? routing) => CanaryPlan.RouterName([.. Named(routing).Select(r => r.Name)]);

    /// <summary>Routers that write into an object the user owns (so deleting the Rollout must put it back first).</summary>
    public static bool EditsSharedObject(TrafficRouting? routing) => routing?.GatewayApi is not null || routing?.Istio is not null || routing?.Alb is not null;

    private static void Add(List<NamedRouter> named, bool present, string name, string field)
    {
        if (present)
        {
            named.Add(new NamedRouter(name, field));
        }
    }
}
