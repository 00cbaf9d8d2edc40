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
        var (name, namePath) = RouterName(routing, at, errors);
        var routes = ManagedRoutes(routing.ManagedRoutes ?? [], $"{at}.managedRoutes", errors);
        if (name is null)
        {
            return RouterInfo.None with { ManagedRoutes = routes, Configured = true };
        }

        if (!context.Routers.TryGetValue(name, out var capabilities))
        {
            var registered = string.Join(", ", context.Routers.Keys.Order(StringComparer.Ordinal));
            errors.Add(namePath, $"unknown traffic router \"{name}\"; registered: {registered}");
        }

        return new RouterInfo(name, capabilities, routes, Configured: true);
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

    private static (string? Name, string Path) RouterName(TrafficRouting routing, string path, SpecErrors errors)
    {
        var blocks = (routing.GatewayApi is null ? 0 : 1) + (routing.Nginx is null ? 0 : 1) + (routing.Istio is null ? 0 : 1) + (routing.Plugin is null ? 0 : 1);
        if (blocks != 1)
        {
            errors.Add(path, "set exactly one of gatewayAPI, nginx, istio, plugin");
            return (null, path);
        }

        if (routing.GatewayApi is { } gateway)
        {
            CheckGatewayApi(gateway, $"{path}.gatewayAPI", errors);
            return (ParseContext.GatewayApiRouter, $"{path}.gatewayAPI");
        }

        if (routing.Nginx is { } nginx)
        {
            if (Fields.IsBlank(nginx.StableIngress))
            {
                errors.Add($"{path}.nginx.stableIngress", "stableIngress is required");
            }

            return (ParseContext.NginxRouter, $"{path}.nginx");
        }

        if (routing.Istio is { } istio)
        {
            IstioRoutingValidator.Check(istio, $"{path}.istio", errors);
            return (ParseContext.IstioRouter, $"{path}.istio");
        }

        var namePath = $"{path}.plugin.name";
        if (Fields.IsBlank(routing.Plugin!.Name))
        {
            errors.Add(namePath, "name is required");
            return (null, namePath);
        }

        return (routing.Plugin.Name, namePath);
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
