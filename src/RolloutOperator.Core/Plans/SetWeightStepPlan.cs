namespace RolloutOperator.Core.Plans;

public sealed record SetWeightStepPlan(int Weight) : CanaryStepPlan;
