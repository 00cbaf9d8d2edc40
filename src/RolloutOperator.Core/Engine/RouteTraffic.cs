using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>
/// Set every router's split: <see cref="CanaryWeight"/> percent to the canary Service, plus header and mirror routes.
/// </summary>
public sealed record RouteTraffic(int CanaryWeight, IReadOnlyList<HeaderRoutePlan> HeaderRoutes, IReadOnlyList<MirrorRoutePlan> MirrorRoutes) : RolloutAction
{
    public DesiredTraffic Desired => new(CanaryWeight, HeaderRoutes, MirrorRoutes);
}
