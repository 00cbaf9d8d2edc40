namespace RolloutOperator.Controller.Traffic.Istio;

/// <summary>Subset-based routing: the DestinationRule's host and the names of its stable and canary subsets.</summary>
internal sealed record SubsetRouting(string Host, string StableSubset, string CanarySubset);
