namespace RolloutOperator.Core.Api;

public sealed record ScaleSubresource(string SpecReplicasPath, string StatusReplicasPath, string LabelSelectorPath);
