using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RolloutOperator.Cli.Manifests;

/// <summary>
/// Validates a document against a structural CRD schema the way the API server does: types, required fields, enums,
/// numeric bounds, string lengths (in characters) and patterns, item and property counts, list-map keys and set items,
/// and unknown fields (kubectl's default strict field validation). CEL rules are not evaluated; the operator's parser
/// checks what they express.
/// </summary>
internal static class SchemaCheck
{
    public static List<(string Path, string Message)> Validate(JsonObject document, JsonObject schema)
    {
        var errors = new List<(string, string)>();
        foreach (var (name, value) in document)
        {
            if (name is "apiVersion" or "kind" or "metadata" or "status")
            {
                continue;
            }

            if (schema["properties"]?[name] is JsonObject property)
            {
                Check(value, property, name, errors);
            }
            else
            {
                errors.Add((name.Length == 0 ? "\"\"" : name, "unknown field"));
            }
        }

        Required(document, schema, "", errors);
        return errors;
    }

    private static void Check(JsonNode? node, JsonObject schema, string path, List<(string, string)> errors)
    {
        if (node is null)
        {
            // Nulls of non-nullable fields are dropped by the API server; "required" catches what is then missing.
            return;
        }

        var kind = Kind(node);
        if (!TypeMatches(kind, schema))
        {
            errors.Add((path, $"must be of type {(IsTrue(schema, "x-kubernetes-int-or-string") ? "integer or string" : (string?)schema["type"])}, got {kind}"));
            return;
        }

        SchemaValueRules.Check(node, schema, path, errors);
        switch (node)
        {
            case JsonObject obj:
                Object(obj, schema, path, errors);
                break;
            case JsonArray array when schema["items"] is JsonObject items:
                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], items, $"{path}[{i}]", errors);
                }

                SchemaListRules.Check(array, schema, path, errors);
                break;
        }
    }

    private static void Object(JsonObject obj, JsonObject schema, string path, List<(string, string)> errors)
    {
        var properties = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"] as JsonObject;
        var preserve = IsTrue(schema, "x-kubernetes-preserve-unknown-fields");
        foreach (var (name, value) in obj)
        {
            var at = $"{path}.{name}";
            if (properties?[name] is JsonObject property)
            {
                Check(value, property, at, errors);
            }
            else if (additional is not null)
            {
                Check(value, additional, at, errors);
            }
            else if (!preserve)
            {
                errors.Add((at, "unknown field"));
            }
        }

        Required(obj, schema, path, errors);
    }

    private static void Required(JsonObject obj, JsonObject schema, string path, List<(string, string)> errors)
    {
        foreach (var name in (schema["required"] as JsonArray ?? []).Select(n => n?.GetValue<string>()).OfType<string>())
        {
            if (obj[name] is null)
            {
                errors.Add((path.Length == 0 ? name : $"{path}.{name}", "required value"));
            }
        }
    }

    private static bool TypeMatches(string kind, JsonObject schema)
    {
        if (IsTrue(schema, "x-kubernetes-int-or-string"))
        {
            return kind is "integer" or "string";
        }

        var type = (string?)schema["type"];
        return type is null || type == kind || (type == "number" && kind == "integer");
    }

    internal static bool IsTrue(JsonObject schema, string flag) => schema[flag] is JsonValue value && value.TryGetValue<bool>(out var set) && set;

    internal static string Kind(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ when double.TryParse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == Math.Floor(number) && !double.IsInfinity(number) => "integer",
        _ => "number",
    };
}
