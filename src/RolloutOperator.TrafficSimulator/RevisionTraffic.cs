namespace RolloutOperator.TrafficSimulator;

/// <summary>One revision's share of traffic (percent, 0..100) and behaviour.</summary>
public sealed record RevisionTraffic(string Revision, double Weight, RevisionBehaviour Behaviour);
