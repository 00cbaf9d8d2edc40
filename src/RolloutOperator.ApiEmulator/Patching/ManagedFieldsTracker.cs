using System.Text.Json.Nodes;

namespace RolloutOperator.ApiEmulator.Patching;

/// <summary>Records ownership for non-apply writes (operation "Update"): changed fields move to the writer.</summary>
internal static class ManagedFieldsTracker
{
    public static void RecordUpdate(JsonObject? old, JsonObject next, FieldOwner owner)
    {
        var entries = ManagedFieldsEntry.ReadAll(old ?? next);
        var changed = FieldPaths.Leaves(next)
            .Where(p => old is null || !JsonNode.DeepEquals(FieldPaths.ValueAt(old, p), FieldPaths.ValueAt(next, p)))
            .ToList();
        if (changed.Count > 0)
        {
            foreach (var other in entries)
            {
                other.Fields.RemoveWhere(f => changed.Any(c => FieldPaths.Overlap(f, c)));
            }

            var mine = FindOrAdd(entries, owner, "Update");
            mine.Fields.UnionWith(changed);
            mine.Time = owner.Time;
            mine.ApiVersion = owner.ApiVersion;
        }

        PruneMissing(entries, next);
        ManagedFieldsEntry.WriteAll(next, entries);
    }

    /// <summary>Fields removed from the object are no longer owned by anyone.</summary>
    public static void PruneMissing(List<ManagedFieldsEntry> entries, JsonObject obj)
    {
        foreach (var entry in entries)
        {
            entry.Fields.RemoveWhere(f => !FieldPaths.Exists(obj, f));
        }
    }

    public static ManagedFieldsEntry FindOrAdd(List<ManagedFieldsEntry> entries, FieldOwner owner, string operation)
    {
        var entry = entries.FirstOrDefault(e => e.SameOwner(owner.Manager, operation, owner.Subresource));
        if (entry is null)
        {
            entry = new ManagedFieldsEntry
            {
                Manager = owner.Manager,
                Operation = operation,
                Subresource = owner.Subresource,
                ApiVersion = owner.ApiVersion,
                Time = owner.Time,
            };
            entries.Add(entry);
        }

        return entry;
    }
}
