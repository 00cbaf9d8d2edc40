namespace RolloutOperator.Core.Plans;

/// <summary>Canary scale override; both null means "scale with the traffic weight again".</summary>
public sealed record SetCanaryScaleStepPlan(int? Replicas, int? Weight) : CanaryStepPlan;
