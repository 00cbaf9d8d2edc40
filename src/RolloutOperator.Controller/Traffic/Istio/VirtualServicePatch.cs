using System.Text.Json.Nodes;

namespace RolloutOperator.Controller.Traffic.Istio;

/// <summary>
/// The RFC 6902 operations that take a VirtualService to the desired weights and operator routes, touching nothing else.
/// Empty when it is already there, so a converged VirtualService costs no write.
/// </summary>
internal static class VirtualServicePatch
{
    public static List<JsonObject> Build(JsonObject virtualService, VirtualServiceTarget target, IstioDesired desired)
    {
        var managed = VirtualServiceRoutes.Managed(virtualService, target);
        var ops = new List<JsonObject>();
        foreach (var route in managed)
        {
            AddWeightOps(ops, VirtualServiceRoutes.Of(virtualService, route.Section)[route.Index]!.AsObject(), route, target.Roles, desired.CanaryWeight);
        }

        AddOperatorRouteOps(ops, virtualService, target, managed, desired);
        return ops;
    }

    /// <summary>The operator routes the desired state asks for: header routes first (they win over mirroring), then mirror routes.</summary>
    public static List<JsonObject> DesiredRoutes(JsonObject virtualService, VirtualServiceTarget target, IReadOnlyList<ManagedRoute> managed, IstioDesired desired)
    {
        var http = managed.Where(m => m.Section == RouteSection.Http).Select(m => VirtualServiceRoutes.Of(virtualService, RouteSection.Http)[m.Index]!.AsObject()).ToList();
        var routes = new List<JsonObject>();
        foreach (var plan in desired.HeaderRoutes.Where(p => p.Matches.Count > 0))
        {
            routes.AddRange(http.Select((source, k) => OperatorRouteBuilder.HeaderRoute(source, OperatorRoutes.RouteName(plan.Name, k, http.Count), plan, target.Roles)));
        }

        foreach (var mirror in desired.Mirrors.Where(m => m.Percentage > 0))
        {
            routes.AddRange(http.Select((source, k) => OperatorRouteBuilder.MirrorRoute(source, OperatorRoutes.RouteName(mirror.Name, k, http.Count), mirror, desired.CanaryWeight, target.Roles)));
        }

        return routes;
    }

    private static void AddWeightOps(List<JsonObject> ops, JsonObject route, ManagedRoute managed, DestinationRoles roles, int canaryWeight)
    {
        var destinations = VirtualServiceRoutes.Destinations(route);
        var stable = IndexOf(destinations, roles.IsStable);
        var canary = IndexOf(destinations, roles.IsCanary);
        var prefix = $"{managed.Path}/route";
        var stableWeight = VirtualServiceWeights.Written(destinations[stable]);
        if (canary < 0 && canaryWeight == 0)
        {
            // A lone stable destination without weight already takes everything.
            if (stableWeight is not null && stableWeight != 100)
            {
                ops.Add(JsonPatchOps.Add($"{prefix}/{stable}/weight", 100));
            }

            return;
        }

        if (stableWeight != 100 - canaryWeight)
        {
            ops.Add(JsonPatchOps.Add($"{prefix}/{stable}/weight", 100 - canaryWeight));
        }

        if (canary >= 0 && VirtualServiceWeights.Written(destinations[canary]) != canaryWeight)
        {
            ops.Add(JsonPatchOps.Add($"{prefix}/{canary}/weight", canaryWeight));
        }
        else if (canary < 0)
        {
            var stableDestination = destinations[stable]!["destination"]!.AsObject();
            ops.Add(JsonPatchOps.Add($"{prefix}/-", new JsonObject { ["destination"] = roles.CanaryFrom(stableDestination), ["weight"] = canaryWeight }));
        }
    }

    private static void AddOperatorRouteOps(List<JsonObject> ops, JsonObject virtualService, VirtualServiceTarget target, IReadOnlyList<ManagedRoute> managed, IstioDesired desired)
    {
        var existing = OperatorRoutes.Existing(virtualService, target.Roles);
        var wanted = DesiredRoutes(virtualService, target, managed, desired);
        if (existing.Count == wanted.Count && existing.Zip(wanted).All(p => JsonNode.DeepEquals(p.First.Route, p.Second)))
        {
            return;
        }

        // Weight ops above use the original indices, so removals run after them, last index first; then the wanted
        // routes go in front, where Istio tries them before the user's routes.
        foreach (var (index, _) in existing.OrderByDescending(e => e.Index))
        {
            ops.Add(JsonPatchOps.Remove($"/spec/http/{index}"));
        }

        if (wanted.Count > 0 && VirtualServiceRoutes.Of(virtualService, RouteSection.Http).Count == 0 && virtualService["spec"]?["http"] is null)
        {
            ops.Add(JsonPatchOps.Add("/spec/http", new JsonArray()));
        }

        for (var i = 0; i < wanted.Count; i++)
        {
            ops.Add(JsonPatchOps.Add($"/spec/http/{i}", wanted[i]));
        }
    }

    private static int IndexOf(JsonArray destinations, Func<JsonNode?, bool> role)
    {
        for (var i = 0; i < destinations.Count; i++)
        {
            if (role(destinations[i]?["destination"]))
            {
                return i;
            }
        }

        return -1;
    }
}
