namespace RolloutOperator.Core.Plans;

public sealed record SetHeaderRouteStepPlan(HeaderRoutePlan Route) : CanaryStepPlan;
