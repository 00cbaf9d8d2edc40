using System.Text.Json.Nodes;

namespace RolloutOperator.CrdGen;

/// <summary>Converts a [DefaultValue] to JSON and checks it fits the schema; the API server rejects a CRD whose default does not.</summary>
internal static class DefaultValues
{
    public static JsonNode Convert(JsonObject schema, object? value, string where)
    {
        var type = (string?)schema[SchemaKeys.Type];
        var intOrString = schema[SchemaKeys.IntOrString] is not null;
        JsonNode? node = value switch
        {
            bool b when type == "boolean" => JsonValue.Create(b),
            int or long when type is "integer" or "number" || intOrString => Numbers.ToNode(value),
            double when type == "number" => Numbers.ToNode(value),
            string s when type == "string" || intOrString => JsonValue.Create(s),
            Enum e when type == "string" => JsonValue.Create(JsonNames.EnumValue(e)),
            _ => null,
        };

        if (node is null)
        {
            throw new InvalidOperationException($"{where}: default {value ?? "null"} does not fit schema type {type ?? "int-or-string"}.");
        }

        if (schema[SchemaKeys.Enum] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, node)))
        {
            throw new InvalidOperationException($"{where}: default {value} is not one of the enum values.");
        }

        return node;
    }
}
