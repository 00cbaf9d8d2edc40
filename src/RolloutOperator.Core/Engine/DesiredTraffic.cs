using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>
/// The whole traffic state a router must put in force, handed to every router of the Rollout at once: the canary weight,
/// the header routes and the mirror routes. A route missing from the lists is one the router must remove.
/// </summary>
public sealed record DesiredTraffic(int CanaryWeight, IReadOnlyList<HeaderRoutePlan> HeaderRoutes, IReadOnlyList<MirrorRoutePlan> MirrorRoutes)
{
    /// <summary>All traffic on stable, no header or mirror route: what abort, reset and deletion put back.</summary>
    public static DesiredTraffic Stable { get; } = new(0, [], []);
}
