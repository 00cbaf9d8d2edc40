using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RolloutOperator.Core.Analysis;

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
        string[] bases = [value, value.Trim(), GoQuoting.QuoteMeta(value)];
        foreach (var text in bases.Distinct(StringComparer.Ordinal))
        {
            yield return text;
            yield return GoQuoting.StringLiteralBody(text, '"');
            yield return GoQuoting.StringLiteralBody(text, '\'');
            yield return GoQuoting.StringLiteralBody(GoQuoting.StringLiteralBody(text, '"'), '"');
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
}
