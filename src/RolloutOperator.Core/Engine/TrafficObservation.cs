namespace RolloutOperator.Core.Engine;

/// <summary>The split the router reports: canary weight and the header routes in place.</summary>
public sealed record TrafficObservation(int CanaryWeight, IReadOnlyList<string> HeaderRoutes);
