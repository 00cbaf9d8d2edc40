using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Json;

namespace RolloutOperator.ApiEmulator.Patching;

/// <summary>
/// Leaf field paths of an object, as used for managedFields. Lists are treated as atomic leaves
/// (one owner for the whole list). Paths are segment lists joined with '\n' (keys never contain it).
/// </summary>
internal static class FieldPaths
{
    public const char Separator = '\n';

    private static readonly HashSet<string> SystemMetadata = new(StringComparer.Ordinal)
    {
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp",
        "managedFields", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink", "generateName",
    };

    public static HashSet<string> Leaves(JsonObject obj)
    {
        var leaves = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            if (key is "apiVersion" or "kind")
            {
                continue;
            }

            if (key == "metadata" && value is JsonObject meta)
            {
                foreach (var (metaKey, metaValue) in meta.Where(p => !SystemMetadata.Contains(p.Key)))
                {
                    Collect(metaValue, $"metadata{Separator}{metaKey}", leaves);
                }

                continue;
            }

            Collect(value, key, leaves);
        }

        return leaves;
    }

    public static JsonNode? ValueAt(JsonObject? obj, string path) => JsonTree.Get(obj, path.Split(Separator));

    public static bool Exists(JsonObject obj, string path) => JsonTree.Has(obj, path.Split(Separator));

    public static bool Overlap(string a, string b) =>
        a == b || a.StartsWith(b + Separator, StringComparison.Ordinal) || b.StartsWith(a + Separator, StringComparison.Ordinal);

    /// <summary>".spec.replicas" style rendering used in conflict messages.</summary>
    public static string Display(string path) => "." + path.Replace(Separator, '.');

    private static void Collect(JsonNode? node, string path, HashSet<string> leaves)
    {
        if (node is JsonObject obj && obj.Count > 0)
        {
            foreach (var (key, value) in obj)
            {
                Collect(value, path + Separator + key, leaves);
            }

            return;
        }

        leaves.Add(path);
    }
}
