using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RolloutOperator.Core.Analysis;

/// <summary>
/// Renders the {{...}} placeholders of a web metric's URL or body. Each value is encoded for where it lands, so no value
/// can change the request's shape: percent-encoded in a URL (it can never reach the host, which the parser fixes), and
/// JSON-string-escaped in a body (write the placeholder inside quotes).
/// </summary>
public static partial class WebTemplate
{
    public static RenderResult Url(string template, IReadOnlyDictionary<string, string> values) =>
        Render(template, values, Uri.EscapeDataString);

    public static RenderResult Body(string template, IReadOnlyDictionary<string, string> values) =>
        Render(template, values, JsonEscaped);

    private static RenderResult Render(string template, IReadOnlyDictionary<string, string> values, Func<string, string> encode)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var errors = new List<string>();
        var text = Placeholder().Replace(template, match =>
        {
            var name = match.Groups[1].Value;
            if (values.TryGetValue(name, out var value))
            {
                return encode(value);
            }

            errors.Add($"unknown placeholder {{{{{name}}}}}");
            return "";
        });
        return errors.Count == 0 ? new RenderResult(text, []) : new RenderResult(null, errors);
    }

    // The quotes JsonSerializer adds are dropped: the template has its own.
    private static string JsonEscaped(string value)
    {
        var quoted = JsonSerializer.Serialize(value);
        return new StringBuilder(quoted, 1, quoted.Length - 2, quoted.Length).ToString();
    }

    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
