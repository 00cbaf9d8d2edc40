using System.Globalization;
using System.Text.Json;

namespace RolloutOperator.Core.JsonPaths;

/// <summary>
/// Turns selected JSON values into measurement values: a number as is, a string holding a number, true/false as 1/0, an
/// array by its elements. Null and empty arrays add nothing (no data, never a pass); an object or any other string is an error.
/// </summary>
internal static class JsonPathValues
{
    public static JsonPathResult From(IReadOnlyList<System.Text.Json.JsonElement> selected, string path)
    {
        var values = new List<double>();
        foreach (var element in selected)
        {
            var items = element.ValueKind == JsonValueKind.Array ? [.. element.EnumerateArray()] : new List<JsonElement> { element };
            foreach (var item in items)
            {
                if (Value(item) is { } error)
                {
                    return JsonPathResult.Failed($"{path}: {error}");
                }

                if (Number(item) is { } number)
                {
                    values.Add(number);
                }

                if (values.Count > JsonPathQuery.MaxValues)
                {
                    return JsonPathResult.Failed($"{path} selects more than {JsonPathQuery.MaxValues} values");
                }
            }
        }

        return new JsonPathResult(values, null);
    }

    // Null is no data; everything else must be a number in some form.
    private static string? Value(JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.Number when !item.TryGetDouble(out _) => "the number is out of range",
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => null,
        JsonValueKind.String when Parse(item.GetString()) is not null => null,
        JsonValueKind.String => $"the value \"{Cut(item.GetString())}\" is not a number",
        _ => $"the value is a{(item.ValueKind == JsonValueKind.Object ? "n object" : "n array of arrays")}, not a number",
    };

    private static double? Number(JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.Number => item.GetDouble(),
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        JsonValueKind.String => Parse(item.GetString()),
        _ => null,
    };

    private static double? Parse(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Cut(string? text) => text is null ? "" : text.Length <= 64 ? text : text[..63] + "…";
}
