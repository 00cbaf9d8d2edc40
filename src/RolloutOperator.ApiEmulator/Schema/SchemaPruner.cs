using System.Text.Json.Nodes;

namespace RolloutOperator.ApiEmulator.Schema;

/// <summary>
/// Drops fields a structural schema does not declare, as the apiextensions server does
/// (unless x-kubernetes-preserve-unknown-fields), and nulls the schema does not allow.
/// </summary>
internal static class SchemaPruner
{
    private static readonly string[] RootKeep = ["apiVersion", "kind", "metadata"];

    public static void PruneRoot(JsonObject obj, JsonObject schema)
    {
        PruneObject(obj, schema, RootKeep);
    }

    private static void Prune(JsonNode? node, JsonObject schema)
    {
        switch (node)
        {
            case JsonObject obj:
                PruneObject(obj, schema, IsEmbedded(schema) ? RootKeep : []);
                break;
            case JsonArray array when schema["items"] is JsonObject items:
                foreach (var item in array)
                {
                    Prune(item, items);
                }

                break;
        }
    }

    private static void PruneObject(JsonObject obj, JsonObject schema, string[] keep)
    {
        var properties = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"] as JsonObject;
        var preserve = SchemaFlags.PreservesUnknown(schema) || schema["additionalProperties"] is JsonValue;
        foreach (var key in obj.Select(p => p.Key).ToList())
        {
            if (keep.Contains(key))
            {
                continue;
            }

            var propertySchema = properties?[key] as JsonObject ?? additional;
            if (propertySchema is null)
            {
                if (!preserve)
                {
                    obj.Remove(key);
                }

                continue;
            }

            if (obj[key] is null && !SchemaFlags.Nullable(propertySchema))
            {
                obj.Remove(key);
                continue;
            }

            Prune(obj[key], propertySchema);
        }
    }

    private static bool IsEmbedded(JsonObject schema) => SchemaFlags.IsTrue(schema, "x-kubernetes-embedded-resource");
}
