using System.Text.Json.Nodes;

namespace RolloutOperator.Controller.Traffic.GatewayApi;

/// <summary>Finds the rules of a route the operator manages; a route that cannot be managed is a misconfiguration.</summary>
internal static class RouteRules
{
    public static JsonArray Of(JsonObject route) => route["spec"]?["rules"] as JsonArray ?? [];

    public static string? Name(JsonNode? rule) =>
        rule?["name"] is JsonValue v && v.TryGetValue<string>(out var name) ? name : null;

    /// <summary>Indices of the managed rules: the named one, or every user rule with a backendRef to the stable Service.</summary>
    public static IReadOnlyList<int> Managed(JsonObject route, RouteTarget target)
    {
        var rules = Of(route);
        if (target.Rule is not null)
        {
            var index = IndexOfName(rules, target.Rule);
            if (index < 0)
            {
                throw new TrafficRoutingException($"{target} has no rule named {target.Rule}");
            }

            return HasStable(rules[index], target)
                ? [index]
                : throw new TrafficRoutingException($"{target} rule {target.Rule} has no backendRef to Service {target.StableService}");
        }

        var managed = Enumerable.Range(0, rules.Count).Where(i => HasStable(rules[i], target)).ToList();
        return managed.Count > 0
            ? managed
            : throw new TrafficRoutingException($"{target} has no backendRef to Service {target.StableService}");
    }

    private static int IndexOfName(JsonArray rules, string name)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (Name(rules[i]) == name)
            {
                return i;
            }
        }

        return -1;
    }

    // The operator's mirror rules forward to the stable Service too; they follow the managed rules, they are not among them.
    private static bool HasStable(JsonNode? rule, RouteTarget target) =>
        rule is JsonObject r && BackendRefs.IndexOf(r, target.StableService, target.Namespace) >= 0 && !MirrorRules.IsOurs(r, target);
}
