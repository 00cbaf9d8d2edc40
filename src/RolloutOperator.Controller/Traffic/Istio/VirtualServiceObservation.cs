using System.Text.Json.Nodes;
using RolloutOperator.Core.Engine;

namespace RolloutOperator.Controller.Traffic.Istio;

/// <summary>
/// What one VirtualService says about the split: the canary percentage its managed routes agree on (null when they
/// disagree, e.g. after a partial write), and the operator's header and mirror routes (with their shares) in place. <see cref="HasHttp"/> is
/// false when it manages only TLS/TCP routes, which carry weights but no header or mirror routes.
/// </summary>
internal sealed record VirtualServiceObservation(int? CanaryWeight, bool HasHttp, IReadOnlySet<string> HeaderRoutes, IReadOnlySet<MirrorRouteObservation> MirrorRoutes)
{
    public static VirtualServiceObservation Read(JsonObject virtualService, VirtualServiceTarget target)
    {
        var managed = VirtualServiceRoutes.Managed(virtualService, target);
        var weights = managed
            .Select(m => CanaryPercent(VirtualServiceRoutes.Of(virtualService, m.Section)[m.Index], target.Roles))
            .Distinct()
            .ToList();
        var http = managed.Count(m => m.Section == RouteSection.Http);
        var (headers, mirrors) = OperatorRoutes.Present(virtualService, target.Roles, http);
        return new VirtualServiceObservation(weights.Count == 1 ? weights[0] : null, http > 0, headers, mirrors);
    }

    /// <summary>
    /// The canary's share of the stable+canary weight, rounded down so an observation never overstates the canary. A lone
    /// destination without a weight takes all traffic (Istio's rule); otherwise a missing weight is 0.
    /// </summary>
    private static int CanaryPercent(JsonNode? route, DestinationRoles roles)
    {
        var destinations = VirtualServiceRoutes.Destinations(route);
        var lone = destinations.Count == 1;
        int Sum(Func<JsonNode?, bool> role) => destinations
            .Where(d => role(d?["destination"]))
            .Sum(d => VirtualServiceWeights.Of(d, lone));
        var stable = Sum(roles.IsStable);
        var canary = Sum(roles.IsCanary);
        return stable + canary == 0 ? 0 : canary * 100 / (stable + canary);
    }
}
