using System.Globalization;
using System.Text;

namespace RolloutOperator.Core.Analysis;

/// <summary>
/// Go's quoting as PromQL applies it: string-literal escapes and RE2's QuoteMeta. Public because the controller's secret
/// scrubber must recognise a secret in exactly the form the query renderer wrote it.
/// </summary>
public static class GoQuoting
{
    private const string RegexMeta = @"\.+*?()|[]{}^$";

    /// <summary>The body of a Go string literal delimited by <paramref name="quote"/> (PromQL "..." and '...').</summary>
    public static string StringLiteralBody(string value, char quote)
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
                _ when c < ' ' || c == '\u007f' => text.Append(@"\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        return text.ToString();
    }

    /// <summary>RE2's QuoteMeta: the pattern that matches <paramref name="value"/> literally.</summary>
    public static string QuoteMeta(string value)
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

    /// <summary>A lone surrogate is not valid UTF-8 and would be mangled on the wire; make that explicit.</summary>
    public static string ReplaceLoneSurrogates(string value)
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
}
