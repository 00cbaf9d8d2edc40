using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RolloutOperator.ApiEmulator.Api;
using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Resources;

namespace RolloutOperator.ApiEmulator.Http;

/// <summary>The single HTTP entry point: parse, log, inject faults, dispatch by verb, write Status errors.</summary>
internal sealed class ApiHandler(ResourceApi api, WatchStreamer watches, EmulatorFaults faults, RequestLog log, CancellationToken shutdown)
{
    public async Task HandleAsync(HttpContext http)
    {
        var request = RequestParser.Parse(http.Request);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, shutdown);
        var ct = linked.Token;
        try
        {
            if (!request.IsResourceRequest)
            {
                await ServeDiscoveryAsync(http, ct).ConfigureAwait(false);
                Record(request, http.Response.StatusCode);
                return;
            }

            await faults.BeforeRequestAsync(request, ct).ConfigureAwait(false);
            var type = Resolve(request);
            var metadataOnly = PartialMetadata.Requested(http.Request.Headers.Accept.ToString(), list: request.Verb == "list");
            if (request.Verb == "watch")
            {
                Record(request, 200);
                var list = QueryOptions.List(http.Request.Query, type.GroupResource, request.Name);
                await watches.StreamAsync(http.Response, type, request.Namespace, list, metadataOnly, ct).ConfigureAwait(false);
                return;
            }

            var (code, body) = await DispatchAsync(http, request, type, ct).ConfigureAwait(false);
            if (metadataOnly && request.Verb is "get" or "list")
            {
                body = request.Verb == "list" ? PartialMetadata.List(body) : PartialMetadata.Object(body);
            }

            await JsonResponses.WriteAsync(http.Response, code, body, ct).ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            await JsonResponses.WriteErrorAsync(http.Response, e, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }

        if (request.Verb != "watch")
        {
            Record(request, http.Response.StatusCode);
        }
    }

    private async Task ServeDiscoveryAsync(HttpContext http, CancellationToken ct)
    {
        var document = Discovery.Respond(api.Context.Registry, http.Request.Path.Value ?? "/", http.Request.Host.Value ?? "127.0.0.1");
        if (document is null)
        {
            http.Response.ContentType = "text/plain";
            await http.Response.WriteAsync("ok", ct).ConfigureAwait(false);
            return;
        }

        await JsonResponses.WriteAsync(http.Response, 200, document, ct).ConfigureAwait(false);
    }

    private ResourceType Resolve(ApiRequest request)
    {
        var type = api.Context.Registry.Find(request.Group!, request.Version!, request.Resource!) ?? throw Errors.UnknownResource();
        var subresourceOk = request.Subresource is null
            || (request.Subresource == "status" && type.HasStatus)
            || (request.Subresource == "scale" && type.Scale is not null);
        if (!subresourceOk || (!type.Namespaced && request.Namespace is not null && type.Plural != "namespaces"))
        {
            throw Errors.UnknownResource();
        }

        if (type.Namespaced && request.Namespace is null && request.Verb is not ("list" or "watch"))
        {
            throw Errors.UnknownResource();
        }

        return type;
    }

    private async Task<(int Code, JsonObject Body)> DispatchAsync(HttpContext http, ApiRequest request, ResourceType type, CancellationToken ct)
    {
        var query = http.Request.Query;
        var write = QueryOptions.Write(query, request.UserAgent);
        var subresource = request.Subresource ?? string.Empty;
        var name = request.Name ?? string.Empty;
        switch (request.Verb)
        {
            case "get":
                return (200, api.Get(type, request.Namespace, name, subresource));
            case "list":
                return (200, api.List(type, request.Namespace, QueryOptions.List(query, type.GroupResource, null)));
            case "create" when request.Name is null:
                return (201, api.Create(type, request.Namespace, PatchBody.ParseObject(await ReadBodyAsync(http, ct).ConfigureAwait(false)), write));
            case "update":
                return (200, api.Replace(type, request.Namespace, name, PatchBody.ParseObject(await ReadBodyAsync(http, ct).ConfigureAwait(false)), subresource, write));
            case "patch":
                return (200, await PatchAsync(http, request, type, write, ct).ConfigureAwait(false));
            case "delete":
                return api.Delete(type, request.Namespace, name, await DeleteOptionsAsync(http, write, ct).ConfigureAwait(false));
            case "deletecollection":
                return (200, api.DeleteCollection(type, request.Namespace, QueryOptions.List(query, type.GroupResource, null), await DeleteOptionsAsync(http, write, ct).ConfigureAwait(false)));
            default:
                throw Errors.MethodNotAllowed($"the server does not allow this method on the requested resource ({request.Method})");
        }
    }

    private async Task<JsonObject> PatchAsync(HttpContext http, ApiRequest request, ResourceType type, WriteOptions write, CancellationToken ct)
    {
        var contentType = (http.Request.ContentType ?? string.Empty).Split(';')[0].Trim();
        if (contentType == PatchOperation.Apply && !QueryOptions.HasFieldManager(http.Request.Query))
        {
            throw Errors.BadRequest("fieldManager is required for apply requests");
        }

        var body = await ReadBodyAsync(http, ct).ConfigureAwait(false);
        return api.Patch(type, request.Namespace, request.Name ?? string.Empty, contentType, body, request.Subresource ?? string.Empty, write);
    }

    private static async Task<DeleteOptions> DeleteOptionsAsync(HttpContext http, WriteOptions write, CancellationToken ct)
    {
        var text = await ReadBodyAsync(http, ct).ConfigureAwait(false);
        var body = string.IsNullOrWhiteSpace(text) ? null : PatchBody.ParseObject(text);
        return DeleteOptions.From(body, QueryOptions.Propagation(http.Request.Query), write.DryRun);
    }

    private static async Task<string> ReadBodyAsync(HttpContext http, CancellationToken ct)
    {
        using var reader = new StreamReader(http.Request.Body);
        return await reader.ReadToEndAsync(ct).ConfigureAwait(false);
    }

    private void Record(ApiRequest request, int code) => log.Add(new RequestRecord(request, code, api.Context.Time.GetUtcNow()));
}
