using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RolloutOperator.Model.Schema;

namespace RolloutOperator.Cli.Manifests;

/// <summary>Scalar and size constraints of a schema: enum, numeric bounds, string length and pattern, item and property counts.</summary>
internal static class SchemaValueRules
{
    public static void Check(JsonNode node, JsonObject schema, string path, List<(string, string)> errors)
    {
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, node)))
        {
            errors.Add((path, $"unsupported value {Shown(node)}; supported values: {string.Join(", ", allowed.Select(a => a?.ToJsonString()))}"));
        }

        switch (node)
        {
            case JsonArray array:
                Count(array.Count, schema, "minItems", "maxItems", "items", path, errors);
                break;
            case JsonObject obj:
                Count(obj.Count, schema, "minProperties", "maxProperties", "properties", path, errors);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                Text(value.GetValue<string>(), schema, path, errors);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                Number(double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture), schema, path, errors);
                break;
        }
    }

    private static void Count(int count, JsonObject schema, string min, string max, string what, string path, List<(string, string)> errors)
    {
        if (Bound(schema, max) is { } upper && count > upper)
        {
            errors.Add((path, $"must have at most {upper} {what}, has {count}"));
        }

        if (Bound(schema, min) is { } lower && count < lower)
        {
            errors.Add((path, $"must have at least {lower} {what}, has {count}"));
        }
    }

    private static void Text(string text, JsonObject schema, string path, List<(string, string)> errors)
    {
        // The API server counts characters (runes), not bytes or UTF-16 units.
        var length = text.EnumerateRunes().Count();
        if (Bound(schema, "maxLength") is { } max && length > max)
        {
            errors.Add((path, $"may not be longer than {max} characters, is {length}"));
        }

        if (Bound(schema, "minLength") is { } min && length < min)
        {
            errors.Add((path, $"must be at least {min} characters long"));
        }

        if ((string?)schema["pattern"] is { } pattern && !GoPatterns.IsMatch(pattern, text))
        {
            errors.Add((path, $"{Shown(JsonValue.Create(text))} does not match the pattern '{pattern}'"));
        }
    }

    private static void Number(double number, JsonObject schema, string path, List<(string, string)> errors)
    {
        var exclusiveMin = SchemaCheck.IsTrue(schema, "exclusiveMinimum");
        var exclusiveMax = SchemaCheck.IsTrue(schema, "exclusiveMaximum");
        if (Bound(schema, "minimum") is { } min && (number < min || (exclusiveMin && number == min)))
        {
            errors.Add((path, $"must be {(exclusiveMin ? "greater than" : "at least")} {Show(min)}, got {Show(number)}"));
        }

        if (Bound(schema, "maximum") is { } max && (number > max || (exclusiveMax && number == max)))
        {
            errors.Add((path, $"must be {(exclusiveMax ? "less than" : "at most")} {Show(max)}, got {Show(number)}"));
        }
    }

    private static double? Bound(JsonObject schema, string key) =>
        schema[key] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;

    private static string Show(double number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Shown(JsonNode? node)
    {
        var json = node?.ToJsonString() ?? "null";
        return json.Length <= 80 ? json : json[..80] + "…";
    }
}
