using System.Net;
using System.Text.Json.Nodes;
using k8s.Autorest;
using Microsoft.Extensions.Logging;

namespace RolloutOperator.Controller.Traffic.Istio;

/// <summary>
/// Plans and sends JSON patches guarded by a <c>test</c> of metadata.resourceVersion: only the planned paths are sent, so
/// no field the user (or a GitOps tool) owns is clobbered, and a concurrent edit fails the patch (409/422) and is re-read
/// and re-planned instead of overwritten. A 422 on an unchanged object is the schema rejecting the write.
/// </summary>
internal sealed class IstioPatcher(IstioClient client, ILogger logger)
{
    private const int MaxAttempts = 5;

    public async Task ConvergeAsync(IstioObjectRef reference, JsonObject current, Func<JsonObject, List<JsonObject>> plan, CancellationToken cancellationToken)
    {
        HttpOperationException? rejected;
        for (var attempt = 1; ; attempt++)
        {
            var ops = plan(current);
            if (ops.Count == 0)
            {
                return;
            }

            var resourceVersion = JsonPatchOps.ResourceVersion(current);
            try
            {
                await client.PatchAsync(reference, JsonPatchOps.WithPrecondition(ops, resourceVersion), cancellationToken).ConfigureAwait(false);
                IstioLog.Patched(logger, reference, ops.Count);
                return;
            }
            catch (HttpOperationException e) when (IsRetryable(e) && attempt < MaxAttempts)
            {
                IstioLog.Retrying(logger, reference, attempt, (int)e.Response.StatusCode);
                rejected = e.Response.StatusCode == HttpStatusCode.UnprocessableEntity ? e : null;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.UnprocessableEntity)
            {
                throw Rejected(reference, e);
            }

            current = await client.GetAsync(reference, cancellationToken).ConfigureAwait(false);
            if (rejected is not null && JsonPatchOps.ResourceVersion(current) == resourceVersion)
            {
                throw Rejected(reference, rejected);
            }
        }
    }

    private static bool IsRetryable(HttpOperationException e) =>
        e.Response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity;

    private static TrafficRoutingException Rejected(IstioObjectRef reference, HttpOperationException e) =>
        new($"{reference} rejected the traffic update: {StatusMessage(e)}", e);

    private static string StatusMessage(HttpOperationException e)
    {
        try
        {
            return JsonNode.Parse(e.Response.Content)?["message"]?.GetValue<string>() ?? e.Message;
        }
        catch (System.Text.Json.JsonException)
        {
            return e.Message;
        }
    }
}
