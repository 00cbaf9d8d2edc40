using System.Text.Json.Nodes;

namespace RolloutOperator.ApiEmulator.Patching;

/// <summary>
/// Strategic merge patch for built-in kinds: like a merge patch, except that the well-known lists
/// of the core types merge by their patchMergeKey and honour "$patch: delete|replace" and
/// "$deleteFromPrimitiveList". Lists without a known key are replaced, as with atomic lists.
/// </summary>
internal static class StrategicMergePatch
{
    private static readonly Dictionary<string, string> MergeKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["volumes"] = "name",
        ["env"] = "name",
        ["imagePullSecrets"] = "name",
        ["volumeMounts"] = "mountPath",
        ["volumeDevices"] = "devicePath",
        ["conditions"] = "type",
        ["ownerReferences"] = "uid",
        ["hostAliases"] = "ip",
        ["topologySpreadConstraints"] = "topologyKey",
    };

    private static readonly HashSet<string> PrimitiveMergeLists = new(StringComparer.Ordinal) { "finalizers" };

    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        if (patchObject["$patch"]?.GetValue<string>() == "replace")
        {
            var replacement = (JsonObject)patchObject.DeepClone();
            replacement.Remove("$patch");
            return replacement;
        }

        var result = target as JsonObject ?? [];
        foreach (var (key, value) in patchObject)
        {
            ApplyProperty(result, key, value);
        }

        return result;
    }

    private static void ApplyProperty(JsonObject result, string key, JsonNode? value)
    {
        if (key.StartsWith("$setElementOrder/", StringComparison.Ordinal) || key is "$retainKeys" or "$patch")
        {
            return;
        }

        if (key.StartsWith("$deleteFromPrimitiveList/", StringComparison.Ordinal))
        {
            var list = key["$deleteFromPrimitiveList/".Length..];
            if (result[list] is JsonArray items && value is JsonArray remove)
            {
                var kept = items.Where(i => !remove.Any(r => JsonNode.DeepEquals(r, i))).Select(i => i?.DeepClone()).ToArray();
                result[list] = new JsonArray(kept);
            }

            return;
        }

        if (value is null)
        {
            result.Remove(key);
            return;
        }

        result.TryGetPropertyValue(key, out var existing);
        result.Remove(key);
        result[key] = value is JsonArray patchList && existing is JsonArray current
            ? MergeList(key, current, patchList)
            : Apply(existing, value);
    }

    private static JsonArray MergeList(string field, JsonArray current, JsonArray patch)
    {
        if (PrimitiveMergeLists.Contains(field))
        {
            var union = current.Select(i => i?.DeepClone()).ToList();
            union.AddRange(patch.Where(p => !current.Any(c => JsonNode.DeepEquals(c, p))).Select(p => p?.DeepClone()));
            return new JsonArray(union.ToArray());
        }

        var mergeKey = MergeKeyFor(field, current, patch);
        if (mergeKey is null)
        {
            return (JsonArray)patch.DeepClone();
        }

        var merged = current.Select(i => i?.DeepClone()).ToList();
        foreach (var item in patch.OfType<JsonObject>())
        {
            var index = merged.FindIndex(m => JsonNode.DeepEquals(m?[mergeKey], item[mergeKey]));
            var delete = item["$patch"]?.GetValue<string>() == "delete";
            if (delete && index >= 0)
            {
                merged.RemoveAt(index);
            }
            else if (!delete && index >= 0)
            {
                merged[index] = Apply(merged[index], item);
            }
            else if (!delete)
            {
                merged.Add(Apply(null, item));
            }
        }

        return new JsonArray(merged.ToArray());
    }

    private static string? MergeKeyFor(string field, JsonArray current, JsonArray patch)
    {
        if (field == "ports")
        {
            // Container ports merge by containerPort, service ports by port.
            var sample = current.Concat(patch).OfType<JsonObject>().FirstOrDefault();
            return sample?.ContainsKey("containerPort") == true ? "containerPort" : "port";
        }

        return MergeKeys.GetValueOrDefault(field);
    }
}
