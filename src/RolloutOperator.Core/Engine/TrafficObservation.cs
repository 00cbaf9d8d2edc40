namespace RolloutOperator.Core.Engine;

/// <summary>
/// The split the routers report: canary weight, the header routes and the mirror routes in place
/// (with the share each copies). With several routers
/// this is what all of them agree on; when they disagree (or one cannot be read) there is no observation at all.
/// </summary>
public sealed record TrafficObservation(int CanaryWeight, IReadOnlyList<string> HeaderRoutes)
{
    public IReadOnlyList<MirrorRouteObservation> MirrorRoutes { get; init; } = [];
}
