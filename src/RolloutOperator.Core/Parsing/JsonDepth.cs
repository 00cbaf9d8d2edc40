using System.Text.Json.Nodes;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Measures nesting without recursion: the pod template preserves unknown fields, so it can be nested arbitrarily deep,
/// and hashing or copying such a tree recursively would throw or overflow the stack.
/// </summary>
internal static class JsonDepth
{
    /// <summary>
    /// Real pod templates nest about a dozen levels; the API decoders refuse documents nested 64 levels deep, so a
    /// template this deep below spec.template could never have been decoded from the API in the first place.
    /// </summary>
    public const int MaxTemplateDepth = 50;

    public static bool Exceeds(JsonNode root, int maximum)
    {
        var pending = new Stack<(JsonNode Node, int Depth)>();
        pending.Push((root, 1));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth > maximum)
            {
                return true;
            }

            var children = node switch
            {
                JsonObject obj => obj.Select(p => p.Value),
                JsonArray array => array,
                _ => [],
            };
            foreach (var child in children.OfType<JsonNode>().Where(c => c is JsonObject or JsonArray))
            {
                pending.Push((child, depth + 1));
            }
        }

        return false;
    }

    /// <summary>Reports a template nested too deep at <paramref name="path"/>; true when it was.</summary>
    public static bool TooDeep(JsonObject template, string path, SpecErrors errors)
    {
        if (!Exceeds(template, MaxTemplateDepth))
        {
            return false;
        }

        errors.Add(path, $"the pod template is nested deeper than {MaxTemplateDepth} levels");
        return true;
    }
}
