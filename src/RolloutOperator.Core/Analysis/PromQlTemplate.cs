using System.Text;

namespace RolloutOperator.Core.Analysis;

// Renders {{args.NAME}} and built-in placeholders into a PromQL query without letting any value alter the query:
// the template is scanned for string-literal state so each value is encoded for exactly where it lands.
public static class PromQlTemplate
{
    private static readonly HashSet<string> BuiltIns = new(StringComparer.Ordinal)
    {
        "rollout.name", "rollout.namespace", "revision.stable", "revision.canary", "service.stable", "service.canary",

        // Only SLO queries may use these; the spec parser rejects them elsewhere.
        "slo.revision", "slo.window",
    };

    public static RenderResult Render(string template, IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(variables);
        var errors = new List<string>();
        var query = new StringBuilder(template.Length);
        Scan(template, errors, (name, context) => query.Append(Substitute(name, context, variables, errors)), c => query.Append(c));
        return errors.Count == 0 ? new RenderResult(query.ToString(), []) : new RenderResult(null, errors);
    }

    public static IReadOnlyList<string> Placeholders(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var names = new List<string>();
        Scan(template, [], (name, _) =>
        {
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }, _ => { });
        return names;
    }

    private static string? Substitute(string name, PromQlContext context, IReadOnlyDictionary<string, string> variables, List<string> errors)
    {
        var known = BuiltIns.Contains(name) || JudgeVariables.Names.Contains(name) || (name.StartsWith("args.", StringComparison.Ordinal) && name.Length > 5);
        if (!known || !variables.TryGetValue(name, out var value))
        {
            errors.Add($"unknown placeholder {{{{{name}}}}}");
            return null;
        }

        return PromQlValues.Encode(name, value, context, errors);
    }

    private static void Scan(string template, List<string> errors, Action<string, PromQlContext> placeholder, Action<char> text)
    {
        var context = PromQlContext.Code;
        var operatorTail = "";
        for (var i = 0; i < template.Length; i++)
        {
            if (string.CompareOrdinal(template, i, "{{", 0, 2) == 0)
            {
                var end = template.IndexOf("}}", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    errors.Add($"unterminated placeholder at offset {i}");
                    return;
                }

                placeholder(template[(i + 2)..end].Trim(), context);
                operatorTail = "";
                i = end + 1;
                continue;
            }

            var c = template[i];
            text(c);
            if (IsQuoted(context) && c == '\\' && i + 1 < template.Length)
            {
                // An escape: the next character cannot close the literal.
                text(template[++i]);
                continue;
            }

            var next = Next(context, c, IsRegexOperator(operatorTail));
            if (context == PromQlContext.Code && !char.IsWhiteSpace(c))
            {
                operatorTail = operatorTail.Length == 0 ? c.ToString() : $"{operatorTail[^1]}{c}";
            }

            context = next;
        }
    }

    // The last two non-blank code characters before a quote opens: "=~" or "!~" make the literal a regular expression.
    private static bool IsRegexOperator(string tail) => tail.Length == 2 && tail[1] == '~' && tail[0] is '=' or '!';

    private static bool IsQuoted(PromQlContext context) => context is PromQlContext.DoubleQuoted or PromQlContext.SingleQuoted
        or PromQlContext.RegexDoubleQuoted or PromQlContext.RegexSingleQuoted;

    private static PromQlContext Next(PromQlContext context, char c, bool afterRegexOperator) => (context, c) switch
    {
        (PromQlContext.Code, '"') => afterRegexOperator ? PromQlContext.RegexDoubleQuoted : PromQlContext.DoubleQuoted,
        (PromQlContext.Code, '\'') => afterRegexOperator ? PromQlContext.RegexSingleQuoted : PromQlContext.SingleQuoted,
        (PromQlContext.Code, '`') => afterRegexOperator ? PromQlContext.RegexBacktick : PromQlContext.Backtick,
        (PromQlContext.Code, '#') => PromQlContext.Comment,
        (PromQlContext.Comment, '\n') => PromQlContext.Code,
        (PromQlContext.DoubleQuoted or PromQlContext.RegexDoubleQuoted, '"') => PromQlContext.Code,
        (PromQlContext.SingleQuoted or PromQlContext.RegexSingleQuoted, '\'') => PromQlContext.Code,
        (PromQlContext.Backtick or PromQlContext.RegexBacktick, '`') => PromQlContext.Code,
        _ => context,
    };
}
