namespace RolloutOperator.Core.Engine;

/// <summary>A judge's baseline Deployment as observed: the stable revision it runs and its desired replicas.</summary>
public sealed record BaselineObservation(string StableRevision, int Desired);
