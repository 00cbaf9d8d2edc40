using System.Text.Json.Nodes;

namespace RolloutOperator.ApiEmulator.Schema;

/// <summary>x-kubernetes-list-type set/map uniqueness rules.</summary>
internal static class ListTypeRules
{
    public static void Check(JsonArray array, JsonObject schema, string path, List<FieldError> errors)
    {
        var listType = schema["x-kubernetes-list-type"]?.GetValue<string>();
        if (listType == "set")
        {
            CheckUnique(array, path, errors, item => item);
        }
        else if (listType == "map" && schema["x-kubernetes-list-map-keys"] is JsonArray keys)
        {
            var names = keys.Select(k => k!.GetValue<string>()).ToList();
            CheckUnique(array, path, errors, item => Key(item, names));
        }
    }

    private static void CheckUnique(JsonArray array, string path, List<FieldError> errors, Func<JsonNode?, JsonNode?> key)
    {
        var seen = new List<JsonNode?>();
        for (var i = 0; i < array.Count; i++)
        {
            var k = key(array[i]);
            if (seen.Any(s => JsonNode.DeepEquals(s, k)))
            {
                errors.Add(FieldError.Duplicate($"{path}[{i}]", k));
            }

            seen.Add(k);
        }
    }

    private static JsonObject Key(JsonNode? item, List<string> names)
    {
        var key = new JsonObject();
        foreach (var name in names)
        {
            key[name] = item?[name]?.DeepClone();
        }

        return key;
    }
}
