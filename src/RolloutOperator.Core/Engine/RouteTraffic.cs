using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>Set the router's split: <see cref="CanaryWeight"/> percent to the canary Service, plus header routes.</summary>
public sealed record RouteTraffic(int CanaryWeight, IReadOnlyList<HeaderRoutePlan> HeaderRoutes) : RolloutAction;
