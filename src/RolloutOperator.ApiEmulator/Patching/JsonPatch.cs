using System.Globalization;
using System.Text.Json.Nodes;

namespace RolloutOperator.ApiEmulator.Patching;

/// <summary>RFC 6902 JSON patch: add, remove, replace, move, copy, test.</summary>
internal static class JsonPatch
{
    public static JsonObject Apply(JsonObject target, JsonArray operations)
    {
        foreach (var op in operations)
        {
            if (op is not JsonObject operation)
            {
                throw new PatchException("json patch operation must be an object");
            }

            ApplyOne(target, operation);
        }

        return target;
    }

    private static void ApplyOne(JsonObject root, JsonObject operation)
    {
        var name = operation["op"]?.GetValue<string>() ?? throw new PatchException("missing op");
        var path = JsonPointer.Parse(operation["path"]?.GetValue<string>() ?? throw new PatchException($"missing path in {name}"));
        switch (name)
        {
            case "add":
                Add(root, path, Value(operation));
                break;
            case "remove":
                Remove(root, path);
                break;
            case "replace":
                Remove(root, path);
                Add(root, path, Value(operation));
                break;
            case "move":
                var moved = Remove(root, From(operation));
                Add(root, path, moved);
                break;
            case "copy":
                Add(root, path, Resolve(root, From(operation))?.DeepClone());
                break;
            case "test":
                if (!JsonNode.DeepEquals(Resolve(root, path), Value(operation)))
                {
                    throw new PatchException($"testing value {operation["path"]} failed");
                }

                break;
            default:
                throw new PatchException($"unexpected op \"{name}\"");
        }
    }

    private static JsonNode? Value(JsonObject operation) =>
        operation.TryGetPropertyValue("value", out var value) ? value?.DeepClone() : throw new PatchException("missing value");

    private static IReadOnlyList<string> From(JsonObject operation) =>
        JsonPointer.Parse(operation["from"]?.GetValue<string>() ?? throw new PatchException("missing from"));

    private static JsonNode? Resolve(JsonObject root, IReadOnlyList<string> path)
    {
        JsonNode? node = root;
        foreach (var segment in path)
        {
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(segment, out var child) => child,
                JsonArray a when int.TryParse(segment, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < a.Count => a[i],
                _ => throw new PatchException($"path /{string.Join('/', path)} does not exist"),
            };
        }

        return node;
    }

    private static void Add(JsonObject root, IReadOnlyList<string> path, JsonNode? value)
    {
        var parent = Resolve(root, path.Take(path.Count - 1).ToList());
        var last = path[^1];
        switch (parent)
        {
            case JsonObject o:
                o[last] = value;
                break;
            case JsonArray a when last == "-":
                a.Add(value);
                break;
            case JsonArray a when int.TryParse(last, CultureInfo.InvariantCulture, out var i) && i >= 0 && i <= a.Count:
                a.Insert(i, value);
                break;
            default:
                throw new PatchException($"cannot add at /{string.Join('/', path)}");
        }
    }

    private static JsonNode? Remove(JsonObject root, IReadOnlyList<string> path)
    {
        var parent = Resolve(root, path.Take(path.Count - 1).ToList());
        var last = path[^1];
        switch (parent)
        {
            case JsonObject o when o.TryGetPropertyValue(last, out var value):
                o.Remove(last);
                return value;
            case JsonArray a when int.TryParse(last, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < a.Count:
                var item = a[i];
                a.RemoveAt(i);
                return item;
            default:
                throw new PatchException($"path /{string.Join('/', path)} does not exist");
        }
    }
}
