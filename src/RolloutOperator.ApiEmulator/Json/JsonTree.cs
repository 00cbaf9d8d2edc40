using System.Text.Json.Nodes;

namespace RolloutOperator.ApiEmulator.Json;

/// <summary>Small helpers for walking and editing JsonNode trees by property path.</summary>
internal static class JsonTree
{
    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject meta)
        {
            return meta;
        }

        meta = [];
        obj["metadata"] = meta;
        return meta;
    }

    public static string? Str(JsonNode? node, string property) =>
        node is JsonObject o && o[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static string? Name(JsonObject obj) => Str(obj["metadata"], "name");

    public static string? Namespace(JsonObject obj) => Str(obj["metadata"], "namespace");

    public static string? Uid(JsonObject obj) => Str(obj["metadata"], "uid");

    public static long Rv(JsonObject obj) =>
        long.TryParse(Str(obj["metadata"], "resourceVersion"), out var rv) ? rv : 0;

    public static JsonNode? Get(JsonNode? root, IReadOnlyList<string> path)
    {
        var node = root;
        foreach (var segment in path)
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(segment, out node))
            {
                return null;
            }
        }

        return node;
    }

    public static bool Has(JsonNode? root, IReadOnlyList<string> path)
    {
        var node = root;
        foreach (var segment in path)
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(segment, out node))
            {
                return false;
            }
        }

        return true;
    }

    public static void Set(JsonObject root, IReadOnlyList<string> path, JsonNode? value)
    {
        var node = root;
        for (var i = 0; i < path.Count - 1; i++)
        {
            if (node[path[i]] is not JsonObject child)
            {
                child = [];
                node[path[i]] = child;
            }

            node = child;
        }

        node[path[^1]] = value;
    }

    public static void Remove(JsonObject root, IReadOnlyList<string> path)
    {
        if (path.Count == 0)
        {
            return;
        }

        var parent = path.Count == 1 ? root : Get(root, path.Take(path.Count - 1).ToArray()) as JsonObject;
        parent?.Remove(path[^1]);
    }

    /// <summary>Parses ".spec.replicas" style paths (used by CRD scale subresources).</summary>
    public static string[] ParseDotted(string path) =>
        path.TrimStart('.').Split('.', StringSplitOptions.RemoveEmptyEntries);

    public static JsonObject CloneObject(JsonObject obj) => (JsonObject)obj.DeepClone();

    public static JsonObject? CloneOrNull(JsonNode? node) => node is JsonObject o ? CloneObject(o) : null;

    public static bool Equal(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);

    /// <summary>Copy of obj without the given top-level properties; used for "did spec change" checks.</summary>
    public static JsonObject Without(JsonObject obj, params string[] properties)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (!properties.Contains(key))
            {
                copy[key] = value?.DeepClone();
            }
        }

        return copy;
    }

    /// <summary>Numeric value regardless of whether the node was parsed or built in code.</summary>
    public static double? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
            : null;

    public static long? Long(JsonNode? node) =>
        Number(node) is { } d && d == Math.Floor(d) ? (long)d : null;

    public static bool? Bool(JsonNode? node) => node?.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.True => true,
        System.Text.Json.JsonValueKind.False => false,
        _ => null,
    };

    public static IEnumerable<JsonObject> Objects(JsonNode? array) =>
        array is JsonArray a ? a.OfType<JsonObject>() : [];
}
