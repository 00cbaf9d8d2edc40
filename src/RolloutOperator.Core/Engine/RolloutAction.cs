namespace RolloutOperator.Core.Engine;

/// <summary>A desired-state action; executing one twice has the same effect as once.</summary>
public abstract record RolloutAction;
