namespace RolloutOperator.Core.Engine;

/// <summary>Create or scale the judge's baseline: pods of <paramref name="StableRevision"/>'s template beside the canary.</summary>
public sealed record ScaleBaseline(string StableRevision, int Replicas) : RolloutAction;
