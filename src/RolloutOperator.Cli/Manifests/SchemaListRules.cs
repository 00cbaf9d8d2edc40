using System.Text.Json.Nodes;

namespace RolloutOperator.Cli.Manifests;

/// <summary>x-kubernetes-list-type: a "map" list has unique key tuples, a "set" list unique items.</summary>
internal static class SchemaListRules
{
    public static void Check(JsonArray array, JsonObject schema, string path, List<(string, string)> errors)
    {
        var type = (string?)schema["x-kubernetes-list-type"];
        if (type is not ("map" or "set"))
        {
            return;
        }

        var keys = (schema["x-kubernetes-list-map-keys"] as JsonArray ?? []).Select(k => (string?)k).OfType<string>().ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var identity = type == "set" || array[i] is not JsonObject item
                ? array[i]?.ToJsonString() ?? "null"
                : string.Join("\u0000", keys.Select(k => item[k]?.ToJsonString() ?? "null"));
            if (!seen.Add(identity))
            {
                errors.Add(($"{path}[{i}]", type == "set" ? "duplicate value" : $"duplicate entry with the same {string.Join(", ", keys)}"));
            }
        }
    }
}
