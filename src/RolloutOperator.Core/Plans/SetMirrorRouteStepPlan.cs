namespace RolloutOperator.Core.Plans;

/// <summary>Adds or replaces a mirror route; a route with percentage 0 removes it.</summary>
public sealed record SetMirrorRouteStepPlan(MirrorRoutePlan Route) : CanaryStepPlan;
