using System.Diagnostics.CodeAnalysis;

namespace RolloutOperator.Core.Expressions;

// Entry point of the condition language: a small, bounded, CEL-compatible subset (see docs/adr/0001-condition-language.md).
public static class ConditionLanguage
{
    public const int MaxLength = 1024;
    public const int MaxDepth = 64;

    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out IConditionExpression? expression,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        expression = null;
        if (text.Length > MaxLength)
        {
            error = $"column {MaxLength + 1}: a condition is at most {MaxLength} characters";
            return false;
        }

        try
        {
            expression = new CompiledCondition(text, Parser.Parse(text));
            error = null;
            return true;
        }
        catch (ConditionSyntaxException e)
        {
            error = e.Message;
            return false;
        }
    }
}
