using RolloutOperator.Core.Engine;

namespace RolloutOperator.Controller.Commands;

/// <summary>The command annotation read: a command, an error explaining why it was ignored, or neither (no annotation).</summary>
internal sealed record CommandParseResult(UserCommand? Command, string? Error)
{
    public static CommandParseResult None { get; } = new(null, null);
}
