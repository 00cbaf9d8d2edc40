using System.Text.Json.Nodes;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Traffic.Istio;

/// <summary>
/// Builds the operator's routes from one managed HTTP route: the same matches narrowed by the step's header matches and
/// every other setting of the route (rewrite, timeout, retries, headers, ...), so a request that takes the operator's
/// route is handled as the user's route would handle it. The result is normalised JSON, so it compares equal to what
/// the API server stores and a converged VirtualService costs no write.
/// </summary>
internal static class OperatorRouteBuilder
{
    // The route's own forwarding and mirroring settings; everything else is copied.
    private static readonly string[] Replaced = ["name", "match", "route", "mirror", "mirrors", "mirrorPercentage", "mirrorPercent", "mirror_percent"];

    public static JsonObject HeaderRoute(JsonObject managed, string name, HeaderRoutePlan plan, DestinationRoles roles)
    {
        var route = Base(managed, name, plan.Matches);
        var stable = StableDestination(managed, roles);
        var canary = roles.CanaryFrom(stable);
        route["route"] = new JsonArray(new JsonObject { ["destination"] = canary, ["weight"] = 100 });
        return Normalised(route);
    }

    /// <summary>A mirror route forwards like the managed route (at the desired weights) and copies a share to the canary.</summary>
    public static JsonObject MirrorRoute(JsonObject managed, string name, IstioMirror mirror, int canaryWeight, DestinationRoles roles)
    {
        var route = Base(managed, name, mirror.Matches);
        var stable = StableDestination(managed, roles);
        var canary = roles.CanaryFrom(stable);
        var split = new JsonArray(new JsonObject { ["destination"] = stable.DeepClone(), ["weight"] = 100 - canaryWeight });
        if (canaryWeight > 0)
        {
            split.Add(new JsonObject { ["destination"] = canary.DeepClone(), ["weight"] = canaryWeight });
        }

        route["route"] = split;
        route["mirror"] = canary;
        route["mirrorPercentage"] = new JsonObject { ["value"] = Math.Round(mirror.Percentage, 2) };
        return Normalised(route);
    }

    private static JsonObject Base(JsonObject managed, string name, IReadOnlyList<HeaderMatchPlan> matches)
    {
        var route = new JsonObject { ["name"] = name };
        route["match"] = new JsonArray([.. SourceMatches(managed).Select(m => Narrow(m, matches))]);
        foreach (var (key, value) in managed)
        {
            if (!Replaced.Contains(key, StringComparer.Ordinal))
            {
                route[key] = value?.DeepClone();
            }
        }

        return route;
    }

    private static JsonObject StableDestination(JsonObject managed, DestinationRoles roles) =>
        VirtualServiceRoutes.Destinations(managed)
            .Select(d => d?["destination"])
            .OfType<JsonObject>()
            .First(roles.IsStable);

    private static IEnumerable<JsonObject> SourceMatches(JsonObject route) =>
        route["match"] is JsonArray { Count: > 0 } matches
            ? matches.Select(m => m?.DeepClone() as JsonObject ?? [])
            : [new JsonObject()];

    private static JsonObject Narrow(JsonObject match, IReadOnlyList<HeaderMatchPlan> plans)
    {
        if (plans.Count == 0)
        {
            return match;
        }

        // Istio wants header keys in lower case; ours replace a user match on the same header.
        var headers = match["headers"] as JsonObject ?? [];
        foreach (var plan in plans)
        {
            var key = plan.Header.ToLowerInvariant();
            foreach (var existing in headers.Select(h => h.Key).Where(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                headers.Remove(existing);
            }

            headers[key] = new JsonObject { [Kind(plan.Kind)] = plan.Value };
        }

        match["headers"] = headers;
        return match;
    }

    private static string Kind(StringMatchKind kind) => kind switch
    {
        StringMatchKind.Exact => "exact",
        StringMatchKind.Prefix => "prefix",
        StringMatchKind.Regex => "regex",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown header match kind"),
    };

    private static JsonObject Normalised(JsonObject route) =>
        JsonNode.Parse(route.ToJsonString())!.AsObject();
}
