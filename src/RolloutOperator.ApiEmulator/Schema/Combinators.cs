using System.Text.Json.Nodes;

namespace RolloutOperator.ApiEmulator.Schema;

/// <summary>allOf / anyOf / oneOf / not: value validation only (structural schemas forbid types there).</summary>
internal static class Combinators
{
    public static void Check(JsonNode node, JsonObject schema, string path, List<FieldError> errors)
    {
        foreach (var sub in Schemas(schema["allOf"]))
        {
            SchemaValidator.Validate(node, Merge(schema, sub), path, errors);
        }

        var anyOf = Schemas(schema["anyOf"]).ToList();
        if (anyOf.Count > 0 && !anyOf.Any(s => Passes(node, schema, s, path)))
        {
            errors.Add(FieldError.Invalid(path, (JsonNode?)null, $"{path} in body must match at least one schema in anyOf"));
        }

        var oneOf = Schemas(schema["oneOf"]).ToList();
        if (oneOf.Count > 0 && oneOf.Count(s => Passes(node, schema, s, path)) != 1)
        {
            errors.Add(FieldError.Invalid(path, (JsonNode?)null, $"{path} in body must match exactly one schema in oneOf"));
        }

        if (schema["not"] is JsonObject not && Passes(node, schema, not, path))
        {
            errors.Add(FieldError.Invalid(path, (JsonNode?)null, $"{path} in body must not match the schema in not"));
        }
    }

    private static bool Passes(JsonNode node, JsonObject parent, JsonObject sub, string path)
    {
        var scratch = new List<FieldError>();
        SchemaValidator.Validate(node, Merge(parent, sub), path, scratch);
        return scratch.Count == 0;
    }

    /// <summary>Sub-schemas inherit the parent's type so that "required"-only branches validate objects.</summary>
    private static JsonObject Merge(JsonObject parent, JsonObject sub)
    {
        var merged = (JsonObject)sub.DeepClone();
        if (!merged.ContainsKey("type") && parent["type"] is { } type)
        {
            merged["type"] = type.DeepClone();
        }

        return merged;
    }

    private static IEnumerable<JsonObject> Schemas(JsonNode? node) => node is JsonArray a ? a.OfType<JsonObject>() : [];
}
