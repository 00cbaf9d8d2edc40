namespace RolloutOperator.Core.Plans;

/// <summary>A pause; a null duration waits for a promote command.</summary>
public sealed record PauseStepPlan(TimeSpan? Duration) : CanaryStepPlan;
