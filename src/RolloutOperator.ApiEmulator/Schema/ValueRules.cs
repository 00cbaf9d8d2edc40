using System.Globalization;
using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.Model.Schema;

namespace RolloutOperator.ApiEmulator.Schema;

/// <summary>Scalar and size constraints: enum, numeric bounds, string length/pattern, item and property counts.</summary>
internal static class ValueRules
{
    public static void Check(JsonNode node, JsonObject schema, string path, List<FieldError> errors)
    {
        CheckEnum(node, schema, path, errors);
        switch (node)
        {
            case JsonArray array:
                CheckCount(array.Count, schema, "minItems", "maxItems", path, errors, tooMany: true);
                break;
            case JsonObject obj:
                CheckCount(obj.Count, schema, "minProperties", "maxProperties", path, errors, tooMany: false);
                break;
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                CheckString(value.GetValue<string>(), schema, path, errors);
                break;
            case JsonValue value when JsonTree.Number(value) is { } number:
                CheckNumber(number, value, schema, path, errors);
                break;
        }
    }

    private static void CheckEnum(JsonNode node, JsonObject schema, string path, List<FieldError> errors)
    {
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, node)))
        {
            errors.Add(FieldError.NotSupported(path, node, allowed));
        }
    }

    private static void CheckCount(int count, JsonObject schema, string min, string max, string path, List<FieldError> errors, bool tooMany)
    {
        if (Number(schema, max) is { } upper && count > upper)
        {
            errors.Add(tooMany
                ? FieldError.TooMany(path, count, (long)upper)
                : FieldError.Invalid(path, (JsonNode?)null, $"{path} in body should have at most {upper} properties"));
        }

        if (Number(schema, min) is { } lower && count < lower)
        {
            errors.Add(FieldError.Invalid(path, (JsonNode?)null, $"{path} in body should have at least {lower} {(tooMany ? "items" : "properties")}"));
        }
    }

    private static void CheckString(string text, JsonObject schema, string path, List<FieldError> errors)
    {
        // The real server measures maxLength in characters (runes) for CRDs.
        var length = text.EnumerateRunes().Count();
        if (Number(schema, "maxLength") is { } max && length > max)
        {
            errors.Add(FieldError.TooLong(path, (long)max));
        }

        if (Number(schema, "minLength") is { } min && length < min)
        {
            errors.Add(FieldError.Invalid(path, text, $"{path} in body should be at least {min} chars long"));
        }

        if (schema["pattern"]?.GetValue<string>() is { } pattern && !GoPatterns.IsMatch(pattern, text))
        {
            errors.Add(FieldError.Invalid(path, text, $"{path} in body should match '{pattern}'"));
        }
    }

    private static void CheckNumber(double number, JsonNode node, JsonObject schema, string path, List<FieldError> errors)
    {
        var exclusiveMin = SchemaFlags.IsTrue(schema, "exclusiveMinimum");
        var exclusiveMax = SchemaFlags.IsTrue(schema, "exclusiveMaximum");
        if (Number(schema, "minimum") is { } min && (number < min || (exclusiveMin && number == min)))
        {
            var op = exclusiveMin ? "greater than" : "greater than or equal to";
            errors.Add(FieldError.Invalid(path, node, $"{path} in body should be {op} {Show(min)}"));
        }

        if (Number(schema, "maximum") is { } max && (number > max || (exclusiveMax && number == max)))
        {
            var op = exclusiveMax ? "less than" : "less than or equal to";
            errors.Add(FieldError.Invalid(path, node, $"{path} in body should be {op} {Show(max)}"));
        }

        if (Number(schema, "multipleOf") is { } factor && factor != 0 && Math.IEEERemainder(number, factor) != 0)
        {
            errors.Add(FieldError.Invalid(path, node, $"{path} in body should be a multiple of {Show(factor)}"));
        }
    }

    private static double? Number(JsonObject schema, string key) => JsonTree.Number(schema[key]);

    private static string Show(double d) => d.ToString(CultureInfo.InvariantCulture);
}
