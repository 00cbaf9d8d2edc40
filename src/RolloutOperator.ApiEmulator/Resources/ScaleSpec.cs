namespace RolloutOperator.ApiEmulator.Resources;

/// <summary>Where a resource keeps the numbers that its /scale subresource exposes.</summary>
internal sealed record ScaleSpec(string SpecReplicasPath, string StatusReplicasPath, string? LabelSelectorPath);
