using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Validates spec.strategy.canary.trafficRouting and the Services it moves weight between. An unknown router name is
/// an error naming the registered ones, never a silent fallback to replica ratios.
/// </summary>
internal static class TrafficRoutingValidator
{
    public static RouterInfo Validate(CanaryStrategy canary, string path, ParseContext context, SpecErrors errors)
    {
        CheckServices(canary, path, required: canary.TrafficRouting is not null, errors);
        if (canary.TrafficRouting is not { } routing)
        {
            return RouterInfo.None;
        }

        var at = $"{path}.trafficRouting";
        var named = RouterNames(routing, at, canary.StableService, errors);
        var routes = ManagedRoutes(routing.ManagedRoutes ?? [], $"{at}.managedRoutes", errors);
        var capabilities = new Dictionary<string, RouterCapabilities>(StringComparer.Ordinal);
        foreach (var router in named)
        {
            if (capabilities.ContainsKey(router.Name))
            {
                errors.Add($"{at}.plugin.name", $"traffic router \"{router.Name}\" is already set by its own field");
                continue;
            }

            if (context.Routers.TryGetValue(router.Name, out var found))
            {
                capabilities[router.Name] = found;
                continue;
            }

            var registered = string.Join(", ", context.Routers.Keys.Order(StringComparer.Ordinal));
            var namePath = router.Field == "plugin" ? $"{at}.plugin.name" : $"{at}.{router.Field}";
            errors.Add(namePath, $"unknown traffic router \"{router.Name}\"; registered: {registered}");
        }

        return new RouterInfo([.. named.Select(r => r.Name)], capabilities, routes, Configured: true);
    }

    private static void CheckServices(CanaryStrategy canary, string path, bool required, SpecErrors errors)
    {
        if (required && Fields.IsBlank(canary.StableService))
        {
            errors.Add($"{path}.stableService", "stableService is required with a traffic router");
        }

        if (required && Fields.IsBlank(canary.CanaryService))
        {
            errors.Add($"{path}.canaryService", "canaryService is required with a traffic router");
        }

        if (!Fields.IsBlank(canary.StableService) && canary.StableService == canary.CanaryService)
        {
            errors.Add($"{path}.canaryService", "canaryService must differ from stableService");
        }
    }

    /// <summary>Every router block that is set, each checked on its own; a plugin without a name names no router.</summary>
    private static List<NamedRouter> RouterNames(TrafficRouting routing, string path, string? stableService, SpecErrors errors)
    {
        var named = TrafficRouters.Named(routing).ToList();
        if (routing.Plugin is { } plugin && Fields.IsBlank(plugin.Name))
        {
            errors.Add($"{path}.plugin.name", "name is required");
        }
        else if (named.Count == 0)
        {
            errors.Add(path, "set at least one router: gatewayAPI, nginx, istio, alb, plugin");
        }

        if (routing.GatewayApi is { } gateway)
        {
            CheckGatewayApi(gateway, $"{path}.gatewayAPI", errors);
        }

        if (routing.Nginx is { } nginx && Fields.IsBlank(nginx.StableIngress))
        {
            errors.Add($"{path}.nginx.stableIngress", "stableIngress is required");
        }

        if (routing.Istio is { } istio)
        {
            IstioRoutingValidator.Check(istio, $"{path}.istio", errors);
        }

        if (routing.Alb is { } alb)
        {
            AlbValidator.Check(alb, stableService, $"{path}.alb", errors);
        }

        return named;
    }

    private static void CheckGatewayApi(GatewayApiRouting gateway, string path, SpecErrors errors)
    {
        if ((gateway.HttpRoutes?.Count ?? 0) + (gateway.GrpcRoutes?.Count ?? 0) == 0)
        {
            errors.Add(path, "at least one httpRoute or grpcRoute is required");
        }

        CheckRouteNames(gateway.HttpRoutes ?? [], $"{path}.httpRoutes", errors);
        CheckRouteNames(gateway.GrpcRoutes ?? [], $"{path}.grpcRoutes", errors);
    }

    private static void CheckRouteNames(List<RouteRef> routes, string path, SpecErrors errors)
    {
        for (var i = 0; i < routes.Count; i++)
        {
            if (Fields.IsBlank(routes[i]?.Name))
            {
                errors.Add($"{path}[{i}].name", "name is required");
            }
        }
    }

    private static HashSet<string> ManagedRoutes(List<ManagedRoute> routes, string path, SpecErrors errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < routes.Count; i++)
        {
            var name = routes[i]?.Name;
            if (Fields.IsBlank(name))
            {
                errors.Add($"{path}[{i}].name", "name is required");
            }
            else if (!names.Add(name!))
            {
                errors.Add($"{path}[{i}].name", $"duplicate managed route \"{name}\"");
            }
        }

        return names;
    }
}
