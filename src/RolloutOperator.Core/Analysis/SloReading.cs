namespace RolloutOperator.Core.Analysis;

/// <summary>
/// The error ratios behind one SLO measurement (bad events / all events; NaN when there is no data) and the canary's
/// observed share of traffic (0..1) when it was taken.
/// </summary>
public sealed record SloReading(double CanaryLong, double CanaryShort, double StableLong, double StableShort, double TrafficShare);
