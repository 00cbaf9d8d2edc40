using System.Text.Json.Nodes;

namespace RolloutOperator.ApiEmulator.Schema;

/// <summary>Applies schema "default" values to missing properties, recursively, like apiextensions.</summary>
internal static class SchemaDefaulter
{
    public static void Apply(JsonNode? node, JsonObject schema)
    {
        switch (node)
        {
            case JsonObject obj:
                ApplyObject(obj, schema);
                break;
            case JsonArray array when schema["items"] is JsonObject items:
                foreach (var item in array)
                {
                    Apply(item, items);
                }

                break;
        }
    }

    private static void ApplyObject(JsonObject obj, JsonObject schema)
    {
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, propertyNode) in properties)
            {
                if (propertyNode is not JsonObject propertySchema)
                {
                    continue;
                }

                if (!obj.ContainsKey(name) && propertySchema.TryGetPropertyValue("default", out var defaultValue))
                {
                    obj[name] = defaultValue?.DeepClone();
                }

                if (obj.TryGetPropertyValue(name, out var child))
                {
                    Apply(child, propertySchema);
                }
            }
        }

        if (schema["additionalProperties"] is JsonObject additional)
        {
            foreach (var (_, value) in obj.ToList())
            {
                Apply(value, additional);
            }
        }
    }
}
