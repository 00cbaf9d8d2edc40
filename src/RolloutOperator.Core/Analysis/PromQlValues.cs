using System.Text;
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

    private const string RegexMeta = @"\.+*?()|[]{}^$";

    public static string? Encode(string name, string value, PromQlContext context, List<string> errors) => context switch
    {
        PromQlContext.DoubleQuoted => Escape(value, '"'),
        PromQlContext.SingleQuoted => Escape(value, '\''),
        PromQlContext.RegexDoubleQuoted => Escape(QuoteMeta(value), '"'),
        PromQlContext.RegexSingleQuoted => Escape(QuoteMeta(value), '\''),
        PromQlContext.Backtick or PromQlContext.RegexBacktick when value.Contains('`', StringComparison.Ordinal) =>
            Reject(errors, $"{{{{{name}}}}}: value contains a backtick and cannot be used inside a `raw string`; use \"...\" quotes"),
        PromQlContext.Backtick => ReplaceLoneSurrogates(value),
        PromQlContext.RegexBacktick => ReplaceLoneSurrogates(QuoteMeta(value)),
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

    // Go string-literal escapes, which PromQL uses for "..." and '...'.
    private static string Escape(string value, char quote)
    {
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in ReplaceLoneSurrogates(value))
        {
            _ = c switch
            {
                '\\' => text.Append(@"\\"),
                '\n' => text.Append(@"\n"),
                '\r' => text.Append(@"\r"),
                '\t' => text.Append(@"\t"),
                _ when c == quote => text.Append('\\').Append(c),
                _ when c < ' ' || c == '\u007f' => text.Append(@"\x").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        return text.ToString();
    }

    // RE2's QuoteMeta: after =~ or !~ a value matches itself literally, as after =, and can never widen the match.
    private static string QuoteMeta(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (RegexMeta.Contains(c, StringComparison.Ordinal))
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return text.ToString();
    }

    // A lone surrogate is not valid UTF-8 and would be mangled on the wire; make that explicit.
    private static string ReplaceLoneSurrogates(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
            }
            else
            {
                text.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"^([0-9]+(ms|[smhdwy]))+\z", RegexOptions.CultureInvariant)]
    private static partial Regex Duration();

    [GeneratedRegex(@"^[a-zA-Z_:][a-zA-Z0-9_:]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
