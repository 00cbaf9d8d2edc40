using System.Text.Json;
using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Json;

namespace RolloutOperator.ApiEmulator.Schema;

/// <summary>
/// OpenAPI v3 value validation for structural schemas (type, enum, required, bounds, lengths,
/// pattern, list types, allOf/anyOf/oneOf/not). CEL x-kubernetes-validations are not evaluated.
/// </summary>
internal static class SchemaValidator
{
    public static IReadOnlyList<FieldError> ValidateRoot(JsonObject obj, JsonObject schema)
    {
        var errors = new List<FieldError>();
        var properties = schema["properties"] as JsonObject;
        foreach (var (name, value) in obj)
        {
            if (name is "apiVersion" or "kind" or "metadata")
            {
                continue;
            }

            if (properties?[name] is JsonObject propertySchema)
            {
                Validate(value, propertySchema, name, errors);
            }
        }

        ValidateRequired(obj, schema, string.Empty, errors);
        return errors;
    }

    public static void Validate(JsonNode? node, JsonObject schema, string path, List<FieldError> errors)
    {
        if (node is null)
        {
            if (!SchemaFlags.Nullable(schema) && schema["type"] is not null)
            {
                errors.Add(FieldError.TypeInvalid(path, null, $"{path} in body must be of type {Type(schema)}: \"null\""));
            }

            return;
        }

        if (!TypeMatches(node, schema))
        {
            errors.Add(FieldError.TypeInvalid(path, JsonValue.Create(JsonKind(node)), $"{path} in body must be of type {Type(schema)}: \"{JsonKind(node)}\""));
            return;
        }

        ValueRules.Check(node, schema, path, errors);
        Combinators.Check(node, schema, path, errors);
        switch (node)
        {
            case JsonObject obj:
                ValidateObject(obj, schema, path, errors);
                break;
            case JsonArray array:
                ValidateArray(array, schema, path, errors);
                break;
        }
    }

    private static void ValidateObject(JsonObject obj, JsonObject schema, string path, List<FieldError> errors)
    {
        var properties = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"] as JsonObject;
        foreach (var (name, value) in obj)
        {
            if (properties?[name] is JsonObject propertySchema)
            {
                Validate(value, propertySchema, Join(path, name), errors);
            }
            else if (additional is not null)
            {
                Validate(value, additional, Join(path, name), errors);
            }
        }

        ValidateRequired(obj, schema, path, errors);
    }

    private static void ValidateRequired(JsonObject obj, JsonObject schema, string path, List<FieldError> errors)
    {
        if (schema["required"] is not JsonArray required)
        {
            return;
        }

        foreach (var name in required.Select(r => r?.GetValue<string>()).OfType<string>())
        {
            if (!obj.ContainsKey(name))
            {
                errors.Add(FieldError.Required(Join(path, name)));
            }
        }
    }

    private static void ValidateArray(JsonArray array, JsonObject schema, string path, List<FieldError> errors)
    {
        if (schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Validate(array[i], items, $"{path}[{i}]", errors);
            }
        }

        ListTypeRules.Check(array, schema, path, errors);
    }

    internal static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Type(JsonObject schema) => schema["type"]?.GetValue<string>() ?? "object";

    private static bool TypeMatches(JsonNode node, JsonObject schema)
    {
        if (SchemaFlags.IntOrString(schema))
        {
            return JsonKind(node) is "string" or "integer";
        }

        var type = schema["type"]?.GetValue<string>();
        var kind = JsonKind(node);
        return type is null || type == kind || (type == "number" && kind == "integer");
    }

    internal static string JsonKind(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ when JsonTree.Long(node) is not null && !node.ToJsonString().Contains('.', StringComparison.Ordinal) => "integer",
        _ => "number",
    };
}
