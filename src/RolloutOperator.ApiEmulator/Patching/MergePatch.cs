using System.Text.Json.Nodes;

namespace RolloutOperator.ApiEmulator.Patching;

/// <summary>RFC 7386 JSON merge patch.</summary>
internal static class MergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? [];
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
                continue;
            }

            result.TryGetPropertyValue(key, out var existing);
            result.Remove(key);
            result[key] = Apply(existing, value);
        }

        return result;
    }
}
