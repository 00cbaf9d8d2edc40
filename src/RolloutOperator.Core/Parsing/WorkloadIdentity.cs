namespace RolloutOperator.Core.Parsing;

/// <summary>What the parser derives from the pod template: its revision hash and the selector string for the scale subresource.</summary>
internal sealed record WorkloadIdentity(string Revision, string Selector);
