using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Api;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Resources;
using RolloutOperator.ApiEmulator.Storage;
using RolloutOperator.ApiEmulator.Watch;

namespace RolloutOperator.ApiEmulator.Lifecycle;

/// <summary>Serves stored CRDs: registers their resources, marks them Established, cleans up on delete.</summary>
internal sealed class CrdController(ResourceApi api) : IFollowUpListener
{
    private const string CrdResource = "customresourcedefinitions.apiextensions.k8s.io";

    public void OnCommitted(StoredEvent committed)
    {
        if (committed.GroupResource != CrdResource)
        {
            return;
        }

        var name = JsonTree.Name(committed.Object)!;
        var types = CrdTypes.FromCrd(committed.Object);
        if (committed.Type == "DELETED")
        {
            api.Context.Registry.RemoveCrd(name);
            RemoveInstances(types);
            return;
        }

        api.Context.Registry.SetCrd(name, types);
        MarkEstablished(committed.Object, name);
    }

    private void MarkEstablished(JsonObject crd, string name)
    {
        var established = JsonTree.Objects(crd["status"]?["conditions"]).Any(c => JsonTree.Str(c, "type") == "Established");
        if (established && JsonNode.DeepEquals(crd["status"]?["acceptedNames"], crd["spec"]?["names"]))
        {
            return;
        }

        var type = api.Context.Registry.FindByGroupResource(CrdResource)!;
        var desired = JsonTree.CloneObject(crd);
        desired["status"] = CrdTypes.EstablishedStatus(crd, api.Context.Now());
        api.Replace(type, null, name, desired, "status", new WriteOptions("apiextensions-apiserver"));
    }

    private void RemoveInstances(IReadOnlyList<ResourceType> types)
    {
        if (types.Count == 0)
        {
            return;
        }

        var store = api.Context.Store;
        lock (store.Gate)
        {
            foreach (var (_, obj) in store.List(types[0].GroupResource, null))
            {
                store.Remove(types[0].GroupResource, obj);
            }
        }
    }
}
