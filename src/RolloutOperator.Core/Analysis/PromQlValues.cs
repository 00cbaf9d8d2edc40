using System.Text.RegularExpressions;

namespace RolloutOperator.Core.Analysis;

// Encodes a substituted value so it can only ever be data: escaped inside a string literal, or restricted to a
// single harmless token (number, duration, identifier) outside one.
internal static partial class PromQlValues
{
    // Keywords are lexed case-insensitively by PromQL; as a bare value they would change the query's shape.
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "unless", "atan2", "by", "without", "on", "ignoring", "group_left", "group_right",
        "offset", "bool", "inf", "nan", "start", "end",
    };

    public static string? Encode(string name, string value, PromQlContext context, List<string> errors) => context switch
    {
        PromQlContext.DoubleQuoted => GoQuoting.StringLiteralBody(value, '"'),
        PromQlContext.SingleQuoted => GoQuoting.StringLiteralBody(value, '\''),
        PromQlContext.RegexDoubleQuoted => GoQuoting.StringLiteralBody(GoQuoting.QuoteMeta(value), '"'),
        PromQlContext.RegexSingleQuoted => GoQuoting.StringLiteralBody(GoQuoting.QuoteMeta(value), '\''),
        PromQlContext.Backtick or PromQlContext.RegexBacktick when value.Contains('`', StringComparison.Ordinal) =>
            Reject(errors, $"{{{{{name}}}}}: value contains a backtick and cannot be used inside a `raw string`; use \"...\" quotes"),
        PromQlContext.Backtick => GoQuoting.ReplaceLoneSurrogates(value),
        PromQlContext.RegexBacktick => GoQuoting.ReplaceLoneSurrogates(GoQuoting.QuoteMeta(value)),
        _ when IsBareToken(value) => value,
        _ => Reject(errors, $"{{{{{name}}}}}: value is not a number, duration or identifier, so it must be used inside quotes"),
    };

    private static bool IsBareToken(string value) =>
        Number().IsMatch(value) || Duration().IsMatch(value) || (Identifier().IsMatch(value) && !Keywords.Contains(value));

    private static string? Reject(List<string> errors, string error)
    {
        errors.Add(error);
        return null;
    }

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"^([0-9]+(ms|[smhdwy]))+\z", RegexOptions.CultureInvariant)]
    private static partial Regex Duration();

    [GeneratedRegex(@"^[a-zA-Z_:][a-zA-Z0-9_:]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
