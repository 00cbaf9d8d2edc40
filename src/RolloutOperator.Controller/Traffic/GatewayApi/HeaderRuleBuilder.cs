using System.Text.Json.Nodes;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Traffic.GatewayApi;

/// <summary>
/// Builds the operator's header rule for one managed rule: the same matches (path, method, query params, user headers)
/// narrowed by the header route's matches, the same filters and timeouts, and all traffic to the canary Service. Every
/// field the schema would default is written explicitly so the stored rule reads back equal and re-applies are no-ops.
/// </summary>
internal static class HeaderRuleBuilder
{
    public static JsonObject Build(JsonObject managedRule, string name, HeaderRoutePlan plan, RouteTarget target)
    {
        var rule = new JsonObject
        {
            ["name"] = name,
            ["matches"] = new JsonArray([.. SourceMatches(managedRule).Select(m => Narrow(m, plan, target.Kind))]),
        };
        CopyIfPresent(managedRule, rule, "filters");
        CopyIfPresent(managedRule, rule, "timeouts");
        rule["backendRefs"] = new JsonArray(CanaryRef(managedRule, target));
        return rule;
    }

    public static IEnumerable<JsonObject> SourceMatches(JsonObject rule) =>
        rule["matches"] is JsonArray { Count: > 0 } matches
            ? matches.Select(m => m?.DeepClone() as JsonObject ?? [])
            : [new JsonObject()];

    public static JsonObject Narrow(JsonObject match, HeaderRoutePlan plan, RouteKind kind)
    {
        // Header names are case-insensitive and the list is a map keyed by name: ours replace a user match on the same header.
        var ours = plan.Matches.Select(m => m.Header).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var kept = (match["headers"] as JsonArray ?? [])
            .Where(h => h?["name"]?.GetValue<string>() is not { } n || !ours.Contains(n))
            .Select(h => h?.DeepClone());
        match["headers"] = new JsonArray([.. kept, .. plan.Matches.Select(HeaderMatch)]);
        if (kind.HasPathMatch)
        {
            var path = match["path"] as JsonObject ?? [];
            path["type"] ??= "PathPrefix";
            path["value"] ??= "/";
            match["path"] = path;
        }

        return match;
    }

    private static JsonNode HeaderMatch(HeaderMatchPlan match) => match.Kind switch
    {
        StringMatchKind.Exact => Header(match.Header, "Exact", match.Value),
        StringMatchKind.Prefix => Header(match.Header, "RegularExpression", HeaderPatterns.Prefix(match.Value)),
        StringMatchKind.Regex => Header(match.Header, "RegularExpression", match.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(match), match.Kind, "unknown header match kind"),
    };

    private static JsonObject Header(string name, string type, string value) =>
        new() { ["name"] = name, ["type"] = type, ["value"] = value };

    private static JsonObject CanaryRef(JsonObject managedRule, RouteTarget target)
    {
        // Cloning the stable backendRef keeps its port, namespace and per-backend filters.
        var refs = BackendRefs.Of(managedRule)!;
        var canary = refs[BackendRefs.IndexOf(managedRule, target.StableService, target.Namespace)]!.DeepClone().AsObject();
        canary["group"] ??= "";
        canary["kind"] ??= "Service";
        canary["name"] = target.CanaryService;
        canary["weight"] = 100;
        return canary;
    }

    private static void CopyIfPresent(JsonObject from, JsonObject to, string key)
    {
        if (from[key] is { } value)
        {
            to[key] = value.DeepClone();
        }
    }
}
