using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Api;
using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Storage;
using RolloutOperator.ApiEmulator.Watch;

namespace RolloutOperator.ApiEmulator.Lifecycle;

/// <summary>
/// Owner-reference garbage collection: background cascades after an owner is gone, foreground
/// (foregroundDeletion finalizer) deletes dependents first, orphan strips the owner references.
/// </summary>
internal sealed class GarbageCollector(ResourceApi api) : IFollowUpListener
{
    private static readonly WriteOptions Gc = new("generic-garbage-collector");

    public void OnCommitted(StoredEvent committed)
    {
        var uid = JsonTree.Uid(committed.Object);
        if (uid is null)
        {
            return;
        }

        if (committed.Type == "DELETED")
        {
            CollectDependentsOf(uid);
            foreach (var owner in JsonTree.Objects(committed.Object["metadata"]?["ownerReferences"]))
            {
                FinishForegroundIfDone(JsonTree.Str(owner, "uid"));
            }

            return;
        }

        if (committed.Object["metadata"]?["deletionTimestamp"] is null)
        {
            return;
        }

        var finalizers = ObjectWriter.Finalizers(committed.Object);
        if (finalizers.Contains("orphan"))
        {
            foreach (var (gr, dependent) in Dependents(uid))
            {
                DropOwnerReference(gr, dependent, uid);
            }

            RemoveFinalizer(committed.GroupResource, committed.Object, "orphan");
        }
        else if (finalizers.Contains("foregroundDeletion"))
        {
            foreach (var (gr, dependent) in Dependents(uid).Where(d => d.Object["metadata"]?["deletionTimestamp"] is null))
            {
                DeleteObject(gr, dependent, "Foreground");
            }

            FinishForegroundIfDone(uid);
        }
    }

    private void CollectDependentsOf(string uid)
    {
        foreach (var (gr, dependent) in Dependents(uid))
        {
            var otherOwnersAlive = JsonTree.Objects(dependent["metadata"]?["ownerReferences"])
                .Select(r => JsonTree.Str(r, "uid"))
                .Any(u => u != uid && u is not null && FindByUid(u) is not null);
            if (otherOwnersAlive)
            {
                DropOwnerReference(gr, dependent, uid);
            }
            else
            {
                DeleteObject(gr, dependent, "Background");
            }
        }
    }

    private void FinishForegroundIfDone(string? ownerUid)
    {
        if (ownerUid is null || FindByUid(ownerUid) is not { } owner)
        {
            return;
        }

        var blocking = Dependents(ownerUid).Any(d => JsonTree.Objects(d.Object["metadata"]?["ownerReferences"])
            .Any(r => JsonTree.Str(r, "uid") == ownerUid && JsonTree.Bool(r["blockOwnerDeletion"]) == true));
        if (owner.Object["metadata"]?["deletionTimestamp"] is not null && !blocking)
        {
            RemoveFinalizer(owner.GroupResource, owner.Object, "foregroundDeletion");
        }
    }

    private void DeleteObject(string gr, JsonObject obj, string propagation)
    {
        if (api.Context.Registry.FindByGroupResource(gr) is not { } type)
        {
            return;
        }

        try
        {
            api.Delete(type, JsonTree.Namespace(obj), JsonTree.Name(obj)!, new DeleteOptions(propagation, JsonTree.Uid(obj), null, false));
        }
        catch (ApiException e) when (e.Code is 404 or 409)
        {
            // Already gone or replaced by a new object with the same name: nothing to collect.
        }
    }

    private void DropOwnerReference(string gr, JsonObject dependent, string ownerUid) =>
        Edit(gr, dependent, meta =>
        {
            var kept = JsonTree.Objects(meta["ownerReferences"]).Where(r => JsonTree.Str(r, "uid") != ownerUid).Select(r => (JsonNode)r.DeepClone()).ToArray();
            meta["ownerReferences"] = kept.Length == 0 ? null : new JsonArray(kept);
            if (kept.Length == 0)
            {
                meta.Remove("ownerReferences");
            }
        });

    private void RemoveFinalizer(string gr, JsonObject obj, string finalizer) =>
        Edit(gr, obj, meta =>
        {
            var kept = (meta["finalizers"] as JsonArray ?? []).Select(f => f?.ToString()).Where(f => f != finalizer).Select(f => (JsonNode)JsonValue.Create(f!)).ToArray();
            meta["finalizers"] = new JsonArray(kept);
        });

    private void Edit(string gr, JsonObject obj, Action<JsonObject> change)
    {
        if (api.Context.Registry.FindByGroupResource(gr) is not { } type)
        {
            return;
        }

        // Edit the latest version, not the event snapshot, so a concurrent write cannot make us lose the edit.
        api.Run(() =>
        {
            lock (api.Context.Store.Gate)
            {
                var current = api.Context.Store.Get(gr, JsonTree.Namespace(obj), JsonTree.Name(obj)!);
                if (current is null || JsonTree.Uid(current) != JsonTree.Uid(obj))
                {
                    return 0;
                }

                var desired = JsonTree.CloneObject(current);
                change(JsonTree.Metadata(desired));
                api.Writer.Update(type, current, desired, string.Empty, Gc);
                return 0;
            }
        });
    }

    private List<(string GroupResource, JsonObject Object)> Dependents(string ownerUid) =>
        api.Context.Store.All()
            .Where(e => JsonTree.Objects(e.Object["metadata"]?["ownerReferences"]).Any(r => JsonTree.Str(r, "uid") == ownerUid))
            .ToList();

    private (string GroupResource, JsonObject Object)? FindByUid(string uid)
    {
        foreach (var entry in api.Context.Store.All())
        {
            if (JsonTree.Uid(entry.Object) == uid)
            {
                return entry;
            }
        }

        return null;
    }
}
