using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Json;

namespace RolloutOperator.ApiEmulator.Patching;

/// <summary>
/// Server-side apply, simplified: leaf fields (lists atomic) are owned by managers; applying a
/// different value to a field owned by someone else conflicts unless forced; fields this manager
/// applied before and now omits are removed unless another manager also owns them.
/// </summary>
internal static class ServerSideApply
{
    public static JsonObject Apply(JsonObject? live, JsonObject config, FieldOwner owner, bool force, out IReadOnlyList<ApplyConflict> conflicts)
    {
        var entries = ManagedFieldsEntry.ReadAll(live);
        var applied = FieldPaths.Leaves(config);
        var found = FindConflicts(live, config, owner, entries, applied);
        conflicts = found;
        if (found.Count > 0 && !force)
        {
            return live!;
        }

        foreach (var conflict in found)
        {
            foreach (var entry in entries.Where(e => e.Manager == conflict.Manager))
            {
                entry.Fields.RemoveWhere(f => FieldPaths.Overlap(f, conflict.Path));
            }
        }

        var merged = live is null ? [] : JsonTree.CloneObject(live);
        RemoveAbandoned(merged, entries, owner, applied);
        DeepMerge(merged, config);
        var mine = ManagedFieldsTracker.FindOrAdd(entries, owner, "Apply");
        mine.Fields.Clear();
        mine.Fields.UnionWith(applied);
        mine.Time = owner.Time;
        mine.ApiVersion = owner.ApiVersion;
        ManagedFieldsTracker.PruneMissing(entries, merged);
        ManagedFieldsEntry.WriteAll(merged, entries);
        return merged;
    }

    private static List<ApplyConflict> FindConflicts(
        JsonObject? live, JsonObject config, FieldOwner owner, List<ManagedFieldsEntry> entries, HashSet<string> applied)
    {
        var conflicts = new List<ApplyConflict>();
        if (live is null)
        {
            return conflicts;
        }

        foreach (var entry in entries.Where(e => e.Manager != owner.Manager))
        {
            foreach (var path in applied)
            {
                if (entry.Fields.Any(f => FieldPaths.Overlap(f, path)) &&
                    !JsonNode.DeepEquals(FieldPaths.ValueAt(live, path), FieldPaths.ValueAt(config, path)) &&
                    !conflicts.Any(c => c.Manager == entry.Manager && c.Path == path))
                {
                    conflicts.Add(new ApplyConflict(entry.Manager, entry.ApiVersion, path));
                }
            }
        }

        return conflicts;
    }

    private static void RemoveAbandoned(JsonObject merged, List<ManagedFieldsEntry> entries, FieldOwner owner, HashSet<string> applied)
    {
        var previous = entries.FirstOrDefault(e => e.SameOwner(owner.Manager, "Apply", owner.Subresource));
        if (previous is null)
        {
            return;
        }

        foreach (var path in previous.Fields.Where(p => !applied.Any(a => FieldPaths.Overlap(a, p))))
        {
            var sharedWithOthers = entries.Any(e => e != previous && e.Fields.Any(f => FieldPaths.Overlap(f, path)));
            if (!sharedWithOthers)
            {
                JsonTree.Remove(merged, path.Split(FieldPaths.Separator));
            }
        }
    }

    private static void DeepMerge(JsonObject target, JsonObject config)
    {
        foreach (var (key, value) in config)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject child && target[key] is JsonObject existing)
            {
                DeepMerge(existing, child);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }
}
