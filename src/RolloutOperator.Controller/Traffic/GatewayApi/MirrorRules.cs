using System.Text.Json.Nodes;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Traffic.GatewayApi;

/// <summary>
/// The operator's mirror rules in a route: named <c>rollout-operator-&lt;mirrorRoute&gt;</c> (plus <c>-&lt;n&gt;</c> when
/// several rules are managed), carrying a RequestMirror filter to this Rollout's canary Service. Both conditions must hold
/// before a rule counts as ours. A mirror rule also forwards like the managed rule it narrows (same backendRefs and
/// weights), so requests it matches are still served normally; the copy to the canary is discarded by the gateway.
/// </summary>
internal static class MirrorRules
{
    public const string FilterType = "RequestMirror";

    public static List<(int Index, JsonObject Rule)> Existing(JsonObject route, RouteTarget target)
    {
        var rules = RouteRules.Of(route);
        var existing = new List<(int, JsonObject)>();
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is JsonObject rule && IsOurs(rule, target))
            {
                existing.Add((i, rule));
            }
        }

        return existing;
    }

    public static List<JsonObject> Desired(JsonObject route, RouteTarget target, IReadOnlyList<int> managed, int canaryWeight, IReadOnlyList<MirrorRoutePlan> plans)
    {
        var rules = RouteRules.Of(route);
        var desired = new List<JsonObject>();
        foreach (var plan in plans.Where(p => p.Hundredths > 0))
        {
            for (var k = 0; k < managed.Count; k++)
            {
                var name = HeaderRules.RuleName(plan.Name, k, managed.Count);
                desired.Add(MirrorRuleBuilder.Build(rules[managed[k]]!.AsObject(), name, plan, canaryWeight, target));
            }
        }

        return desired;
    }

    /// <summary>Mirror route names whose rule exists for every managed rule of the route.</summary>
    public static IReadOnlySet<string> Present(JsonObject route, RouteTarget target, int managedCount) =>
        HeaderRules.Complete(Existing(route, target).Select(e => RouteRules.Name(e.Rule)![HeaderRules.Prefix.Length..]), managedCount);

    public static bool IsOurs(JsonObject rule, RouteTarget target) =>
        RouteRules.Name(rule) is { } name
        && name.StartsWith(HeaderRules.Prefix, StringComparison.Ordinal)
        && rule["filters"] is JsonArray filters
        && filters.Any(f => f?["type"]?.GetValue<string>() == FilterType
            && BackendRefs.Points(f["requestMirror"]?["backendRef"], target.CanaryService, target.Namespace));
}
