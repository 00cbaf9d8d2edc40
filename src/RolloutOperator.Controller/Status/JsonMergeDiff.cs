using System.Text.Json.Nodes;

namespace RolloutOperator.Controller.Status;

/// <summary>
/// The RFC 7386 merge patch that turns <c>from</c> into <c>to</c>: changed members recursively, removed members as null,
/// arrays whole (merge patch cannot address array items).
/// </summary>
internal static class JsonMergeDiff
{
    public static JsonObject Diff(JsonObject from, JsonObject to)
    {
        var patch = new JsonObject();
        foreach (var (key, oldValue) in from)
        {
            if (!to.ContainsKey(key))
            {
                patch[key] = null;
            }
            else if (Diff(oldValue, to[key]) is { } changed)
            {
                patch[key] = changed.Node;
            }
        }

        foreach (var (key, newValue) in to)
        {
            if (!from.ContainsKey(key))
            {
                patch[key] = newValue?.DeepClone();
            }
        }

        return patch;
    }

    private static Change? Diff(JsonNode? from, JsonNode? to)
    {
        if (from is JsonObject fromObject && to is JsonObject toObject)
        {
            var nested = Diff(fromObject, toObject);
            return nested.Count == 0 ? null : new Change(nested);
        }

        return JsonNode.DeepEquals(from, to) ? null : new Change(to?.DeepClone());
    }

    private sealed record Change(JsonNode? Node);
}
