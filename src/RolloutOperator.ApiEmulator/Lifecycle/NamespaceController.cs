using RolloutOperator.ApiEmulator.Api;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Storage;
using RolloutOperator.ApiEmulator.Watch;

namespace RolloutOperator.ApiEmulator.Lifecycle;

/// <summary>Empties a terminating namespace and removes it once nothing is left in it.</summary>
internal sealed class NamespaceController(ResourceApi api) : IFollowUpListener
{
    public void OnCommitted(StoredEvent committed)
    {
        if (committed.GroupResource == "namespaces" && committed.Type == "MODIFIED" && committed.Object["metadata"]?["deletionTimestamp"] is not null)
        {
            var ns = JsonTree.Name(committed.Object)!;
            foreach (var (gr, obj) in Contents(ns).Where(c => c.Object["metadata"]?["deletionTimestamp"] is null))
            {
                // Deleting an owner collects its dependents at once, so an object listed above may be gone already.
                if (api.Context.Registry.FindByGroupResource(gr) is { } type && api.Context.Store.Get(gr, ns, JsonTree.Name(obj)!) is not null)
                {
                    api.Delete(type, ns, JsonTree.Name(obj)!, new DeleteOptions("Background", null, null, false));
                }
            }

            RemoveIfEmpty(ns);
        }
        else if (committed.Type == "DELETED" && JsonTree.Namespace(committed.Object) is { } ns)
        {
            RemoveIfEmpty(ns);
        }
    }

    private void RemoveIfEmpty(string ns)
    {
        var store = api.Context.Store;
        lock (store.Gate)
        {
            var namespaceObject = store.Get("namespaces", null, ns);
            if (namespaceObject?["metadata"]?["deletionTimestamp"] is not null && Contents(ns).Count == 0)
            {
                store.Remove("namespaces", namespaceObject);
            }
        }
    }

    private List<(string GroupResource, System.Text.Json.Nodes.JsonObject Object)> Contents(string ns) =>
        api.Context.Store.All().Where(e => JsonTree.Namespace(e.Object) == ns).ToList();
}
