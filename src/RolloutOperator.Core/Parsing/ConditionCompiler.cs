using RolloutOperator.Core.Expressions;

namespace RolloutOperator.Core.Parsing;

/// <summary>Compiles a metric condition at parse time so that a syntax error is an InvalidSpec, never a failed measurement.</summary>
internal static class ConditionCompiler
{
    public static IConditionExpression? Compile(string? text, string path, SpecErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (ConditionLanguage.TryParse(text, out var expression, out var error))
        {
            return expression;
        }

        errors.Add(path, $"invalid condition \"{text}\": {error}");
        return null;
    }
}
