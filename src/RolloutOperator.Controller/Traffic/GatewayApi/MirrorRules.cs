using System.Text.Json.Nodes;
using RolloutOperator.Core.Engine;
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

    /// <summary>
    /// Mirror routes whose rule exists for every managed rule of the route, each with the share its rules agree on. A
    /// route whose rules copy different shares (or one that cannot be read) is left out, so it is written again.
    /// </summary>
    public static IReadOnlySet<MirrorRouteObservation> Present(JsonObject route, RouteTarget target, int managedCount)
    {
        var shares = Existing(route, target)
            .Select(e => (Name: RouteRules.Name(e.Rule)![HeaderRules.Prefix.Length..], Share: MirrorShare.Hundredths(e.Rule)))
            .ToList();
        var present = new HashSet<MirrorRouteObservation>();
        foreach (var name in HeaderRules.Complete(shares.Select(s => s.Name), managedCount))
        {
            var ruleNames = Enumerable.Range(0, managedCount).Select(k => managedCount == 1 ? name : $"{name}-{k}").ToHashSet(StringComparer.Ordinal);
            if (shares.Where(s => ruleNames.Contains(s.Name)).Select(s => s.Share).Distinct().ToList() is [int hundredths])
            {
                present.Add(new MirrorRouteObservation(name, hundredths));
            }
        }

        return present;
    }

    public static bool IsOurs(JsonObject rule, RouteTarget target) =>
        RouteRules.Name(rule) is { } name
        && name.StartsWith(HeaderRules.Prefix, StringComparison.Ordinal)
        && rule["filters"] is JsonArray filters
        && filters.Any(f => f?["type"]?.GetValue<string>() == FilterType
            && BackendRefs.Points(f["requestMirror"]?["backendRef"], target.CanaryService, target.Namespace));
}
