namespace RolloutOperator.Core.Engine;

/// <summary>Make the revision's workload exist with this many replicas.</summary>
public sealed record ScaleRevision(string Revision, int Replicas) : RolloutAction;
