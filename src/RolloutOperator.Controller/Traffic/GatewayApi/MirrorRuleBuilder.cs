using System.Text.Json.Nodes;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Traffic.GatewayApi;

/// <summary>
/// Builds the operator's mirror rule for one managed rule: the managed rule's matches narrowed by the mirror's header
/// matches, its filters plus a standard RequestMirror filter to the canary Service (<c>percent</c> for whole percentages,
/// <c>fraction</c> over 10000 otherwise), its timeouts, and its backendRefs at the desired weights. Schema defaults are
/// written explicitly so the stored rule reads back equal and re-applies are no-ops.
/// </summary>
internal static class MirrorRuleBuilder
{
    private const int FractionDenominator = 10000;

    public static JsonObject Build(JsonObject managedRule, string name, MirrorRoutePlan plan, int canaryWeight, RouteTarget target)
    {
        var header = new HeaderRoutePlan(plan.Name, plan.Matches);
        var rule = new JsonObject
        {
            ["name"] = name,
            ["matches"] = new JsonArray([.. HeaderRuleBuilder.SourceMatches(managedRule).Select(m => HeaderRuleBuilder.Narrow(m, header, target.Kind))]),
        };
        var filters = managedRule["filters"] is JsonArray own ? own.DeepClone().AsArray() : [];
        filters.Add(MirrorFilter(managedRule, plan, target));
        rule["filters"] = filters;
        if (managedRule["timeouts"] is { } timeouts)
        {
            rule["timeouts"] = timeouts.DeepClone();
        }

        rule["backendRefs"] = WeightedRefs(managedRule, canaryWeight, target);
        return rule;
    }

    private static JsonObject MirrorFilter(JsonObject managedRule, MirrorRoutePlan plan, RouteTarget target)
    {
        var stable = BackendRefs.Of(managedRule)![BackendRefs.IndexOf(managedRule, target.StableService, target.Namespace)]!;
        var backendRef = new JsonObject { ["group"] = "", ["kind"] = "Service", ["name"] = target.CanaryService };
        foreach (var key in new[] { "namespace", "port" })
        {
            if (stable[key] is { } value)
            {
                backendRef[key] = value.DeepClone();
            }
        }

        var mirror = new JsonObject { ["backendRef"] = backendRef };
        if (plan.Hundredths % 100 == 0)
        {
            mirror["percent"] = plan.Hundredths / 100;
        }
        else
        {
            mirror["fraction"] = new JsonObject { ["numerator"] = plan.Hundredths, ["denominator"] = FractionDenominator };
        }

        return new JsonObject { ["type"] = MirrorRules.FilterType, ["requestMirror"] = mirror };
    }

    /// <summary>The managed rule's backendRefs with the stable/canary weights it will have once the weights are applied.</summary>
    private static JsonArray WeightedRefs(JsonObject managedRule, int canaryWeight, RouteTarget target)
    {
        var refs = BackendRefs.Of(managedRule)!.DeepClone().AsArray();
        var stable = BackendRefs.IndexOf(managedRule, target.StableService, target.Namespace);
        var canary = BackendRefs.IndexOf(managedRule, target.CanaryService, target.Namespace);
        refs[stable]!["weight"] = 100 - canaryWeight;
        if (canary >= 0)
        {
            refs[canary]!["weight"] = canaryWeight;
        }
        else if (canaryWeight > 0)
        {
            var added = refs[stable]!.DeepClone().AsObject();
            added["name"] = target.CanaryService;
            added["weight"] = canaryWeight;
            refs.Add(added);
        }

        foreach (var backendRef in refs.OfType<JsonObject>())
        {
            backendRef["group"] ??= "";
            backendRef["kind"] ??= "Service";
            backendRef["weight"] ??= 1;
        }

        return refs;
    }
}
