using System.Text.Json.Nodes;
using RolloutOperator.Core.Engine;

namespace RolloutOperator.Controller.Traffic.GatewayApi;

/// <summary>
/// What one route says about the split: the canary percentage its managed rules agree on (null when they disagree, e.g. after
/// a partial write), the header routes and the mirror routes in place (with the share each copies).
/// </summary>
internal sealed record RouteObservation(int? CanaryWeight, IReadOnlySet<string> HeaderRoutes, IReadOnlySet<MirrorRouteObservation> MirrorRoutes)
{
    public static RouteObservation Read(JsonObject route, RouteTarget target)
    {
        var managed = RouteRules.Managed(route, target);
        var rules = RouteRules.Of(route);
        var weights = managed.Select(i => CanaryPercent(rules[i]!.AsObject(), target)).Distinct().ToList();
        return new RouteObservation(
            weights.Count == 1 ? weights[0] : null,
            HeaderRules.Present(route, target, managed.Count),
            MirrorRules.Present(route, target, managed.Count));
    }

    /// <summary>
    /// The canary's share of the stable+canary weight, rounded down so an observation never overstates the canary. Equal
    /// to the canary weight whenever the two add up to 100, which is what the router writes.
    /// </summary>
    private static int CanaryPercent(JsonObject rule, RouteTarget target)
    {
        var refs = BackendRefs.Of(rule)!;
        var stable = BackendRefs.Weight(refs[BackendRefs.IndexOf(rule, target.StableService, target.Namespace)]);
        var canaryIndex = BackendRefs.IndexOf(rule, target.CanaryService, target.Namespace);
        var canary = canaryIndex < 0 ? 0 : BackendRefs.Weight(refs[canaryIndex]);
        return stable + canary == 0 ? 0 : canary * 100 / (stable + canary);
    }
}
