namespace RolloutOperator.Core.Engine;

/// <summary>Remove a judge's baseline Deployment: no baseline judge of the canary is running any more.</summary>
public sealed record DeleteBaseline(string StableRevision) : RolloutAction;
