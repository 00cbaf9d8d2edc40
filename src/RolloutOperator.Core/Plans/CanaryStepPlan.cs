namespace RolloutOperator.Core.Plans;

public abstract record CanaryStepPlan;
