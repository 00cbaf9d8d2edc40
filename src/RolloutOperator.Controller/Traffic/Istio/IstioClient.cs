using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Traffic.Istio;

/// <summary>Reads Istio objects as JSON (so no user field is lost to a partial model) and sends JSON patches.</summary>
internal sealed class IstioClient(IKubernetes client)
{
    private readonly JsonCustomObjects _objects = new(client);

    /// <summary>The object, or null when it does not exist.</summary>
    public Task<JsonObject?> FindAsync(IstioObjectRef reference, CancellationToken cancellationToken) =>
        _objects.FindAsync(Address(reference), cancellationToken);

    public async Task<JsonObject> GetAsync(IstioObjectRef reference, CancellationToken cancellationToken) =>
        await FindAsync(reference, cancellationToken).ConfigureAwait(false)
        ?? throw new TrafficRoutingException($"{reference} not found");

    public Task PatchAsync(IstioObjectRef reference, JsonArray operations, CancellationToken cancellationToken) =>
        _objects.PatchAsync(Address(reference), operations, cancellationToken);

    /// <summary>The revision a Service selects, or null when it is missing or selects none.</summary>
    public async Task<string?> SelectedRevisionAsync(string @namespace, string service, CancellationToken cancellationToken)
    {
        try
        {
            var found = await client.CoreV1.ReadNamespacedServiceAsync(service, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            return found.Spec?.Selector?.TryGetValue(ApiGroup.RevisionLabel, out var revision) == true ? revision : null;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static CustomObjectRef Address(IstioObjectRef reference) =>
        new(IstioKind.Group, IstioKind.Version, reference.Namespace, reference.Kind.Plural, reference.Name);
}
