namespace RolloutOperator.Core.Plans;

/// <summary>Literal text, or the name of a placeholder.</summary>
public sealed record BodySegment(string Text, bool IsPlaceholder);
