namespace RolloutOperator.Core.Tests.Parsing.Hostile;

/// <summary>
/// One change to one document of a case: <see cref="Document"/> 0 is the Rollout, others the analysis templates.
/// <see cref="Target"/> picks the node (modulo the node count), so a mutation stays meaningful on any document.
/// </summary>
public sealed record SpecMutation(int Document, int Target, MutationKind Kind, string Text, long Number, int Depth);
