using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RolloutOperator.Controller.Analysis;

/// <summary>
/// The encodings in which a secret value can come back inside a provider's error text: as sent (raw, trimmed), inside a
/// PromQL string literal (Go escapes), regex-quoted, quoted again by an error message (%q of the escaped query), JSON- or
/// URL-encoded (a raw body that echoes the request), and base64.
/// </summary>
internal static class SecretForms
{
    public static IEnumerable<string> Of(string value)
    {
        string[] bases = [value, value.Trim(), QuoteMeta(value)];
        foreach (var text in bases.Distinct(StringComparer.Ordinal))
        {
            yield return text;
            yield return GoEscape(text, '"');
            yield return GoEscape(text, '\'');
            yield return GoEscape(GoEscape(text, '"'), '"');
            yield return JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
            yield return JsonEncodedText.Encode(text).ToString();
            yield return GoJson(text);
            yield return Uri.EscapeDataString(text);
            yield return WebUtility.UrlEncode(text);
            yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        }
    }

    // Go's encoding/json escapes <, > and & as lower-case \u sequences.
    private static string GoJson(string value) =>
        JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString()
            .Replace("<", "\\u003c", StringComparison.Ordinal)
            .Replace(">", "\\u003e", StringComparison.Ordinal)
            .Replace("&", "\\u0026", StringComparison.Ordinal);

    // Go's strconv quoting as PromQL string literals use it (the operator escapes substituted values this way).
    private static string GoEscape(string value, char quote)
    {
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
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

    // Go's regexp.QuoteMeta: how a value used with =~ is made literal, and how a regex error may quote it.
    private static string QuoteMeta(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (@"\.+*?()|[]{}^$".Contains(c, StringComparison.Ordinal))
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return text.ToString();
    }
}
