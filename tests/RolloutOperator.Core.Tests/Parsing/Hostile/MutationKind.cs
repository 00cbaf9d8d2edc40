namespace RolloutOperator.Core.Tests.Parsing.Hostile;

/// <summary>How one mutation damages a manifest.</summary>
public enum MutationKind
{
    HostileText,
    HostileNumber,
    Delete,
    Duplicate,
    TrailingNewline,
    TargetedText,
    TargetedNumber,
    DeepNesting,
    Null,
}
