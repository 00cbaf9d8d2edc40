using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Traffic.Istio;

/// <summary>The traffic state the router puts into a VirtualService; routes absent from the lists are removed.</summary>
internal sealed record IstioDesired(int CanaryWeight, IReadOnlyList<HeaderRoutePlan> HeaderRoutes, IReadOnlyList<IstioMirror> Mirrors)
{
    public static IstioDesired Stable { get; } = new(0, [], []);
}
