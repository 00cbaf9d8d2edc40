using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RolloutOperator.Core.Plans;

/// <summary>
/// A parsed webhook body: literal text and <c>{{name}}</c> placeholders from a fixed set. Rendering only substitutes
/// values; nothing in a template is evaluated. Values are JSON-escaped when the body is JSON, so a message cannot break
/// out of the string it is placed in.
/// </summary>
public sealed record BodyTemplate(IReadOnlyList<BodySegment> Segments)
{
    public const string JsonContentType = "application/json";

    /// <summary>Every placeholder a template may use.</summary>
    public static IReadOnlyList<string> Placeholders { get; } =
        ["id", "trigger", "reason", "type", "message", "time", "namespace", "rollout", "uid", "revision", "step"];

    public string Render(IReadOnlyDictionary<string, string> values, bool json)
    {
        ArgumentNullException.ThrowIfNull(values);
        var body = new StringBuilder();
        foreach (var segment in Segments)
        {
            body.Append(segment.IsPlaceholder ? Value(values.GetValueOrDefault(segment.Text, ""), json) : segment.Text);
        }

        return body.ToString();
    }

    public static bool IsJson(string contentType) =>
        contentType.Split(';')[0].Trim() is var media
            && (media.Equals(JsonContentType, StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    // The string's JSON encoding without its quotes: safe inside a JSON string literal of the template.
    private static string Value(string value, bool json) =>
        json ? JsonSerializer.Serialize(value, JsonOptions)[1..^1] : value;

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
