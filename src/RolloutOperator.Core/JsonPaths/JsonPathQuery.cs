using System.Globalization;
using System.Text.Json;

namespace RolloutOperator.Core.JsonPaths;

/// <summary>
/// The small JSONPath subset a web metric may use: <c>$</c> followed by at most <see cref="MaxSegments"/> segments, each
/// <c>.name</c>, <c>['name']</c> / <c>["name"]</c>, <c>[index]</c> (0-based, non-negative) or <c>[*]</c> (every element of
/// an array). No filters, slices, recursion or scripts: evaluation is a bounded walk, whatever the document.
/// </summary>
public sealed class JsonPathQuery
{
    public const int MaxSegments = 32;

    /// <summary>At most this many values are read through a wildcard; more is an error, not a silent cut.</summary>
    public const int MaxValues = 1000;

    private readonly IReadOnlyList<JsonPathSegment> _segments;

    private JsonPathQuery(string text, IReadOnlyList<JsonPathSegment> segments)
    {
        Text = text;
        _segments = segments;
    }

    public string Text { get; }

    public static JsonPathQuery? Parse(string? text, out string error)
    {
        error = "";
        if (string.IsNullOrWhiteSpace(text) || text[0] != '$')
        {
            error = "must start with $";
            return null;
        }

        var segments = new List<JsonPathSegment>();
        var i = 1;
        while (i < text.Length)
        {
            var segment = text[i] switch
            {
                '.' => DotName(text, ref i, out error),
                '[' => Bracket(text, ref i, out error),
                _ => Fail($"unexpected '{text[i]}' at offset {i}", out error),
            };
            if (segment is null)
            {
                return null;
            }

            segments.Add(segment);
            if (segments.Count > MaxSegments)
            {
                error = $"at most {MaxSegments} segments";
                return null;
            }
        }

        return new JsonPathQuery(text, segments);
    }

    /// <summary>The numbers at the path. Empty: no data (missing path, null, empty array). Error: a value that is not a number.</summary>
    public JsonPathResult Evaluate(JsonElement root)
    {
        var current = new List<JsonElement> { root };
        foreach (var segment in _segments)
        {
            var next = new List<JsonElement>();
            foreach (var element in current)
            {
                segment.Select(element, next);
                if (next.Count > MaxValues)
                {
                    return JsonPathResult.Failed($"{Text} selects more than {MaxValues} values");
                }
            }

            current = next;
        }

        return JsonPathValues.From(current, Text);
    }

    private static JsonPathSegment? DotName(string text, ref int i, out string error)
    {
        var start = ++i;
        while (i < text.Length && text[i] != '.' && text[i] != '[')
        {
            i++;
        }

        if (i == start)
        {
            return Fail($"empty name at offset {start}", out error);
        }

        error = "";
        var name = text[start..i];
        return name == "*" ? JsonPathSegment.Wildcard : JsonPathSegment.Property(name);
    }

    private static JsonPathSegment? Bracket(string text, ref int i, out string error)
    {
        var close = text.IndexOf(']', i);
        if (close < 0)
        {
            return Fail($"unclosed [ at offset {i}", out error);
        }

        var inner = text[(i + 1)..close];
        var at = i;
        i = close + 1;
        error = "";
        if (inner == "*")
        {
            return JsonPathSegment.Wildcard;
        }

        if (inner.Length >= 2 && (inner[0] == '\'' || inner[0] == '"') && inner[^1] == inner[0])
        {
            return JsonPathSegment.Property(inner[1..^1]);
        }

        return int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? JsonPathSegment.Index(index)
            : Fail($"[{inner}] at offset {at} is not an index, * or a quoted name", out error);
    }

    private static JsonPathSegment? Fail(string message, out string error)
    {
        error = message;
        return null;
    }
}
