using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Resources;
using RolloutOperator.ApiEmulator.Watch;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>List with selectors and limit/continue paging, in key (namespace/name) order like etcd.</summary>
internal static class ListOperation
{
    public static JsonObject List(ApiContext context, ResourceType type, string? ns, ListOptions options)
    {
        var filter = new WatchFilter(type.GroupResource, ns, options.Labels, options.Fields);
        long rv;
        IReadOnlyList<(string Key, JsonObject Object)> items;
        lock (context.Store.Gate)
        {
            rv = context.Store.CurrentRv;
            items = context.Store.List(type.GroupResource, ns);
        }

        var startAfter = options.Continue is { Length: > 0 } token ? ContinueToken.DecodeStartAfter(token) : null;
        var matching = items
            .Where(i => startAfter is null || string.CompareOrdinal(i.Key, startAfter) > 0)
            .Where(i => filter.Matches(i.Object))
            .ToList();
        var page = options.Limit > 0 ? matching.Take(options.Limit).ToList() : matching;
        var metadata = new JsonObject { ["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (page.Count < matching.Count)
        {
            metadata["continue"] = ContinueToken.Encode(rv, page[^1].Key);
            if (options.Labels.IsEmpty && options.Fields == Selectors.FieldSelector.Everything)
            {
                metadata["remainingItemCount"] = matching.Count - page.Count;
            }
        }

        return new JsonObject
        {
            ["kind"] = type.ListKind,
            ["apiVersion"] = type.ApiVersion,
            ["metadata"] = metadata,
            ["items"] = new JsonArray(page.Select(i => (JsonNode)ItemView(i.Object, type)).ToArray()),
        };
    }

    /// <summary>Built-in list items omit apiVersion/kind on the wire; custom resource items keep them.</summary>
    private static JsonObject ItemView(JsonObject stored, ResourceType type)
    {
        var view = ObjectView.Present(stored, type);
        if (!type.IsCustom)
        {
            view.Remove("apiVersion");
            view.Remove("kind");
        }

        return view;
    }
}
