using System.Text.Json.Nodes;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Traffic.GatewayApi;

/// <summary>
/// The operator's header rules in a route: named <c>rollout-operator-&lt;headerRoute&gt;</c> (plus <c>-&lt;n&gt;</c> when
/// several rules are managed) and sending everything to this Rollout's canary Service. Both conditions must hold before a
/// rule counts as ours, so a user rule or another Rollout's rule with a similar name is never touched.
/// </summary>
internal static class HeaderRules
{
    public const string Prefix = "rollout-operator-";

    public static string RuleName(string headerRoute, int ordinal, int managedCount) =>
        managedCount == 1 ? Prefix + headerRoute : $"{Prefix}{headerRoute}-{ordinal}";

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

    public static List<JsonObject> Desired(JsonObject route, RouteTarget target, IReadOnlyList<int> managed, IReadOnlyList<HeaderRoutePlan> plans)
    {
        var rules = RouteRules.Of(route);
        var desired = new List<JsonObject>();
        foreach (var plan in plans.Where(p => p.Matches.Count > 0))
        {
            for (var k = 0; k < managed.Count; k++)
            {
                var name = RuleName(plan.Name, k, managed.Count);
                desired.Add(HeaderRuleBuilder.Build(rules[managed[k]]!.AsObject(), name, plan, target));
            }
        }

        return desired;
    }

    /// <summary>Header route names whose rule exists for every managed rule of the route.</summary>
    public static IReadOnlySet<string> Present(JsonObject route, RouteTarget target, int managedCount) =>
        Complete(Existing(route, target).Select(e => RouteRules.Name(e.Rule)![Prefix.Length..]), managedCount);

    /// <summary>Route names (rule names without the prefix) that have a rule for every one of the managed rules.</summary>
    public static IReadOnlySet<string> Complete(IEnumerable<string> ruleNames, int managedCount)
    {
        var names = ruleNames.ToHashSet(StringComparer.Ordinal);
        if (managedCount == 1)
        {
            return names;
        }

        return names
            .Select(n => n.LastIndexOf('-') is var dash and > 0 ? n[..dash] : n)
            .Where(route => Enumerable.Range(0, managedCount).All(k => names.Contains($"{route}-{k}")))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static bool IsOurs(JsonObject rule, RouteTarget target) =>
        RouteRules.Name(rule) is { } name
        && name.StartsWith(Prefix, StringComparison.Ordinal)
        && BackendRefs.Of(rule) is { Count: > 0 } refs
        && refs.All(r => BackendRefs.Points(r, target.CanaryService, target.Namespace));
}
