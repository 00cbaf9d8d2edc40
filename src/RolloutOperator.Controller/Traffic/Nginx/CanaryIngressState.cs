using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace RolloutOperator.Controller.Traffic.Nginx;

/// <summary>
/// Whether the live canary Ingress already is what an apply would make it: same spec, our labels and annotations
/// present, none left over that we applied before but no longer want (server-side apply would remove those), and the
/// Rollout as controlling owner. Fields other managers added are ignored, so they never cause a write.
/// </summary>
internal static class CanaryIngressState
{
    public static bool UpToDate(V1Ingress live, V1Ingress desired, string fieldManager)
    {
        var liveMeta = live.Metadata;
        var wantedMeta = desired.Metadata;
        return JsonNode.DeepEquals(Node(live.Spec), Node(desired.Spec))
            && Contains(liveMeta.Labels, wantedMeta.Labels)
            && Contains(liveMeta.Annotations, wantedMeta.Annotations)
            && Applied(liveMeta, fieldManager, "f:annotations").IsSubsetOf(wantedMeta.Annotations.Keys)
            && Applied(liveMeta, fieldManager, "f:labels").IsSubsetOf(wantedMeta.Labels.Keys)
            && (liveMeta.OwnerReferences ?? []).Any(o => o.Uid == wantedMeta.OwnerReferences[0].Uid && o.Controller == true);
    }

    /// <summary>Metadata map keys our field manager owns through apply, from managedFields.</summary>
    private static HashSet<string> Applied(V1ObjectMeta meta, string fieldManager, string map)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in meta.ManagedFields ?? [])
        {
            if (entry.Manager == fieldManager && entry.Operation == "Apply"
                && Node(entry.FieldsV1)?["f:metadata"]?[map] is JsonObject fields)
            {
                keys.UnionWith(fields.Select(f => f.Key).Where(k => k.StartsWith("f:", StringComparison.Ordinal)).Select(k => k[2..]));
            }
        }

        return keys;
    }

    private static bool Contains(IDictionary<string, string>? live, IDictionary<string, string> wanted) =>
        wanted.All(w => live is not null && live.TryGetValue(w.Key, out var value) && value == w.Value);

    private static JsonNode? Node(object? value) => value switch
    {
        null => null,
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        _ => JsonNode.Parse(KubernetesJson.Serialize(value)),
    };
}
