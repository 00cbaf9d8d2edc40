using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Resources;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>The verbs of the Kubernetes API over the in-memory store; used by HTTP and simulated controllers.</summary>
internal sealed class ResourceApi(ApiContext context, FollowUps followUps)
{
    private readonly ObjectWriter _writer = new(context);

    public ApiContext Context => context;

    public ObjectWriter Writer => _writer;

    public JsonObject Create(ResourceType type, string? ns, JsonObject body, WriteOptions options) =>
        Run(() => _writer.Create(type, ns, body, options));

    public JsonObject Get(ResourceType type, string? ns, string name, string subresource)
    {
        var stored = context.Store.Get(type.GroupResource, ns, name) ?? throw Errors.NotFound(type, name);
        return subresource == "scale" ? ScaleView.Of(stored, type.Scale ?? throw Errors.UnknownResource()) : ObjectView.Present(stored, type);
    }

    public JsonObject List(ResourceType type, string? ns, ListOptions options) => ListOperation.List(context, type, ns, options);

    public JsonObject Replace(ResourceType type, string? ns, string name, JsonObject body, string subresource, WriteOptions options) => Run(() =>
    {
        lock (context.Store.Gate)
        {
            var current = context.Store.Get(type.GroupResource, ns, name) ?? throw Errors.NotFound(type, name);
            if (subresource != "scale")
            {
                return _writer.Update(type, current, body, subresource, options);
            }

            var scale = type.Scale ?? throw Errors.UnknownResource();
            return ScaleView.Of(_writer.Update(type, current, ScaleView.Apply(current, scale, body), string.Empty, options), scale);
        }
    });

    public JsonObject Patch(ResourceType type, string? ns, string name, string contentType, string body, string subresource, WriteOptions options) => Run(() =>
    {
        lock (context.Store.Gate)
        {
            return PatchOperation.Patch(context, _writer, type, ns, name, contentType, body, subresource, options);
        }
    });

    public (int Code, JsonObject Body) Delete(ResourceType type, string? ns, string name, DeleteOptions options) => Run(() =>
    {
        lock (context.Store.Gate)
        {
            return DeleteOperation.Delete(context, type, ns, name, options);
        }
    });

    public JsonObject DeleteCollection(ResourceType type, string? ns, ListOptions list, DeleteOptions options) => Run(() =>
    {
        var victims = ListOperation.List(context, type, ns, list with { Limit = 0 });
        foreach (var item in (victims["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            lock (context.Store.Gate)
            {
                var name = Json.JsonTree.Name(item)!;
                if (context.Store.Get(type.GroupResource, Json.JsonTree.Namespace(item), name) is not null)
                {
                    DeleteOperation.Delete(context, type, Json.JsonTree.Namespace(item), name, options);
                }
            }
        }

        victims.Remove("metadata");
        victims["metadata"] = new JsonObject();
        return victims;
    });

    /// <summary>Runs one operation, then lets the simulated controllers react before the caller continues.</summary>
    public T Run<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        finally
        {
            followUps.Drain();
        }
    }
}
