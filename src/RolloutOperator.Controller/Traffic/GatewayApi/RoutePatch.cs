using System.Text.Json.Nodes;
using RolloutOperator.Core.Engine;

namespace RolloutOperator.Controller.Traffic.GatewayApi;

/// <summary>
/// The RFC 6902 operations that take a route from its current state to the desired weights and header rules, touching
/// nothing else. Empty when the route is already there, so a converged route costs no write. Paths are positional, so
/// the caller prefixes a <c>test</c> of metadata.resourceVersion: a concurrent edit makes the patch fail instead of
/// landing on the wrong rule.
/// </summary>
internal static class RoutePatch
{
    public static List<JsonObject> Build(JsonObject route, RouteTarget target, DesiredTraffic desired)
    {
        var managed = RouteRules.Managed(route, target);
        var ops = new List<JsonObject>();
        foreach (var index in managed)
        {
            AddWeightOps(ops, RouteRules.Of(route)[index]!.AsObject(), index, target, desired.CanaryWeight);
        }

        AddOperatorRuleOps(ops, route, target, managed, desired);
        return ops;
    }

    /// <summary>The route's metadata.resourceVersion, the value the patch's <c>test</c> guards on.</summary>
    public static string ResourceVersion(JsonObject route) =>
        route["metadata"]?["resourceVersion"]?.GetValue<string>() ?? "";

    public static JsonArray WithPrecondition(IEnumerable<JsonObject> ops, string resourceVersion) =>
        new([Op("test", "/metadata/resourceVersion", resourceVersion), .. ops]);

    private static void AddWeightOps(List<JsonObject> ops, JsonObject rule, int index, RouteTarget target, int canaryWeight)
    {
        var refs = BackendRefs.Of(rule)!;
        var stable = BackendRefs.IndexOf(rule, target.StableService, target.Namespace);
        var canary = BackendRefs.IndexOf(rule, target.CanaryService, target.Namespace);
        var prefix = $"/spec/rules/{index}/backendRefs";
        if (refs[stable]?["weight"] is null || BackendRefs.Weight(refs[stable]) != 100 - canaryWeight)
        {
            ops.Add(Op("add", $"{prefix}/{stable}/weight", 100 - canaryWeight));
        }

        if (canary >= 0 && (refs[canary]?["weight"] is null || BackendRefs.Weight(refs[canary]) != canaryWeight))
        {
            ops.Add(Op("add", $"{prefix}/{canary}/weight", canaryWeight));
        }
        else if (canary < 0 && canaryWeight > 0)
        {
            // Cloning the stable backendRef gives the canary the same port, namespace and per-backend filters.
            var added = refs[stable]!.DeepClone().AsObject();
            added["name"] = target.CanaryService;
            added["weight"] = canaryWeight;
            ops.Add(Op("add", $"{prefix}/-", added));
        }
    }

    /// <summary>Header rules, then mirror rules, in front of the user's rules; replaced as a block when any differs.</summary>
    private static void AddOperatorRuleOps(List<JsonObject> ops, JsonObject route, RouteTarget target, IReadOnlyList<int> managed, DesiredTraffic traffic)
    {
        var existing = HeaderRules.Existing(route, target).Concat(MirrorRules.Existing(route, target)).OrderBy(e => e.Index).ToList();
        var desired = HeaderRules.Desired(route, target, managed, traffic.HeaderRoutes)
            .Concat(MirrorRules.Desired(route, target, managed, traffic.CanaryWeight, traffic.MirrorRoutes))
            .ToList();
        if (existing.Count == desired.Count && existing.Zip(desired).All(p => JsonNode.DeepEquals(p.First.Rule, p.Second)))
        {
            return;
        }

        // Weight ops above use the original indices, so removals run after them, last index first; then the desired rules
        // go in front, where they take precedence over the user's rules on a tie.
        foreach (var (index, _) in existing.OrderByDescending(e => e.Index))
        {
            ops.Add(new JsonObject { ["op"] = "remove", ["path"] = $"/spec/rules/{index}" });
        }

        for (var i = 0; i < desired.Count; i++)
        {
            ops.Add(Op("add", $"/spec/rules/{i}", desired[i]));
        }
    }

    private static JsonObject Op(string op, string path, JsonNode? value) =>
        new() { ["op"] = op, ["path"] = path, ["value"] = value };
}
