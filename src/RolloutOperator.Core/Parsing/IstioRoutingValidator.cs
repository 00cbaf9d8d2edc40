using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Validates trafficRouting.istio: every VirtualService and route named, none twice, and distinct subset names for
/// subset-based routing (one subset for both revisions would make every weight meaningless).
/// </summary>
internal static class IstioRoutingValidator
{
    public static void Check(IstioRouting istio, string path, SpecErrors errors)
    {
        var services = istio.VirtualServices ?? [];
        if (services.Count == 0)
        {
            errors.Add($"{path}.virtualServices", "at least one virtualService is required");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < services.Count; i++)
        {
            CheckVirtualService(services[i], $"{path}.virtualServices[{i}]", names, errors);
        }

        if (istio.DestinationRule is { } rule)
        {
            CheckDestinationRule(rule, $"{path}.destinationRule", errors);
        }
    }

    private static void CheckVirtualService(IstioVirtualService? service, string path, HashSet<string> names, SpecErrors errors)
    {
        if (Fields.IsBlank(service?.Name))
        {
            errors.Add($"{path}.name", "name is required");
        }
        else if (!names.Add(service!.Name))
        {
            errors.Add($"{path}.name", $"duplicate virtualService \"{service.Name}\"");
        }

        var routes = service?.HttpRoutes ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < routes.Count; i++)
        {
            if (Fields.IsBlank(routes[i]))
            {
                errors.Add($"{path}.httpRoutes[{i}]", "route name must not be empty");
            }
            else if (!seen.Add(routes[i]))
            {
                errors.Add($"{path}.httpRoutes[{i}]", $"duplicate route \"{routes[i]}\"");
            }
        }

        var tls = service?.TlsRoutes ?? [];
        for (var i = 0; i < tls.Count; i++)
        {
            if (tls[i] is not { } route || (route.Port is null && (route.SniHosts?.Count ?? 0) == 0))
            {
                errors.Add($"{path}.tlsRoutes[{i}]", "set port, sniHosts or both");
            }
        }
    }

    private static void CheckDestinationRule(IstioDestinationRule rule, string path, SpecErrors errors)
    {
        if (Fields.IsBlank(rule.Name))
        {
            errors.Add($"{path}.name", "name is required");
        }

        var stable = rule.StableSubsetName ?? SpecDefaults.IstioStableSubset;
        var canary = rule.CanarySubsetName ?? SpecDefaults.IstioCanarySubset;
        if (Fields.IsBlank(stable))
        {
            errors.Add($"{path}.stableSubsetName", "must not be empty");
        }

        if (Fields.IsBlank(canary))
        {
            errors.Add($"{path}.canarySubsetName", "must not be empty");
        }
        else if (stable == canary)
        {
            errors.Add($"{path}.canarySubsetName", "canarySubsetName must differ from stableSubsetName");
        }
    }
}
