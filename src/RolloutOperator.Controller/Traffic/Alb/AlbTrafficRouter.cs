using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Controller.Traffic.Alb;

/// <summary>
/// AWS Load Balancer Controller: the weights live in the forward action annotation of the user's Ingresses, whose paths
/// send to the action (service name = the action name, port name <c>use-annotation</c>). The operator writes only that
/// one annotation, with a JSON merge patch carrying the resourceVersion read (a concurrent edit fails with 409 and is
/// re-read), and counts it in force only once the controller's Events show it was taken (see <see cref="AlbAcceptance"/>).
/// No AWS API is called.
/// </summary>
internal sealed class AlbTrafficRouter : ITrafficRouter
{
    public const string UseAnnotation = "use-annotation";
    private const int MaxAttempts = 5;

    private readonly IKubernetes _client;
    private readonly ILogger<AlbTrafficRouter> _logger;

    public AlbTrafficRouter(IKubernetes client, ILogger<AlbTrafficRouter> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(logger);
        _client = client;
        _logger = logger;
    }

    public string Name => ParseContext.AlbRouter;

    public RouterCapabilities Capabilities { get; } = new(SupportsHeaderRoutes: false);

    /// <summary>The weight every Ingress agrees on and the controller took; null while any is unwritten, disagrees or pending.</summary>
    public async Task<TrafficObservation?> ObserveAsync(TrafficRoutingContext context, CancellationToken cancellationToken)
    {
        var alb = Routing(context);
        var weights = new HashSet<int?>();
        foreach (var name in alb.Ingresses)
        {
            var ingress = await GetAsync(context, name, cancellationToken).ConfigureAwait(false);
            var weight = AlbAction.CanaryWeight(AlbAction.Parse(Annotation(ingress, alb, context)), context.StableService, context.CanaryService);
            var verdict = await JudgeAsync(context, ingress, cancellationToken).ConfigureAwait(false);
            if (verdict.Reason is { } reason)
            {
                throw new TrafficRoutingException($"Ingress {context.Namespace}/{name}: the load balancer controller rejected the action: {reason}");
            }

            weights.Add(verdict.InForce ? weight : null);
        }

        return weights is { Count: 1 } && weights.Single() is int agreed ? new TrafficObservation(agreed, []) : null;
    }

    public async Task ApplyAsync(TrafficRoutingContext context, DesiredTraffic desired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentOutOfRangeException.ThrowIfNegative(desired.CanaryWeight);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(desired.CanaryWeight, 100);
        if (desired.HeaderRoutes.Count + desired.MirrorRoutes.Count > 0)
        {
            throw new TrafficRoutingException("the alb router cannot route by header or mirror traffic; setHeaderRoute and setMirrorRoute need another router");
        }

        var alb = Routing(context);
        foreach (var name in alb.Ingresses)
        {
            var ingress = await GetAsync(context, name, cancellationToken).ConfigureAwait(false);
            await ConvergeAsync(context, alb, ingress, desired.CanaryWeight, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>All weight back on stable; an Ingress that is already gone has nothing to reset.</summary>
    public async Task ResetAsync(TrafficRoutingContext context, CancellationToken cancellationToken)
    {
        var alb = Routing(context);
        foreach (var name in alb.Ingresses)
        {
            if (await FindAsync(context.Namespace, name, cancellationToken).ConfigureAwait(false) is not { } ingress)
            {
                AlbLog.MissingOnReset(_logger, context.Namespace, name);
                continue;
            }

            await ConvergeAsync(context, alb, ingress, 0, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ConvergeAsync(TrafficRoutingContext context, AlbRouting alb, V1Ingress ingress, int canaryWeight, CancellationToken cancellationToken)
    {
        var key = AlbAction.Key(alb, context.StableService);
        var desired = AlbAction.Build(alb, context.StableService, context.CanaryService, canaryWeight);
        for (var attempt = 1; ; attempt++)
        {
            CheckReferencesAction(context, alb, ingress);
            if (JsonNode.DeepEquals(AlbAction.Parse(Annotation(ingress, alb, context)), desired))
            {
                return;
            }

            var patch = new JsonObject
            {
                ["metadata"] = new JsonObject
                {
                    ["resourceVersion"] = ingress.Metadata.ResourceVersion,
                    ["annotations"] = new JsonObject { [key] = desired.ToJsonString() },
                },
            };
            try
            {
                await _client.NetworkingV1.PatchNamespacedIngressAsync(
                    new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch),
                    ingress.Metadata.Name,
                    context.Namespace,
                    fieldManager: ApiGroup.FieldManager,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                AlbLog.Patched(_logger, key, context.Namespace, ingress.Metadata.Name, canaryWeight);
                return;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict && attempt < MaxAttempts)
            {
                AlbLog.Retrying(_logger, context.Namespace, ingress.Metadata.Name, attempt);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.UnprocessableEntity)
            {
                throw new TrafficRoutingException($"Ingress {context.Namespace}/{ingress.Metadata.Name} rejected the action annotation: {e.Response.Content}", e);
            }

            ingress = await GetAsync(context, ingress.Metadata.Name, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>An action nothing points at would move no traffic while the step counted it done.</summary>
    private static void CheckReferencesAction(TrafficRoutingContext context, AlbRouting alb, V1Ingress ingress)
    {
        var root = AlbAction.RootService(alb, context.StableService);
        var paths = (ingress.Spec?.Rules ?? []).SelectMany(r => r.Http?.Paths ?? []);
        if (!paths.Any(p => p.Backend?.Service?.Name == root && p.Backend.Service.Port?.Name == UseAnnotation))
        {
            throw new TrafficRoutingException(
                $"Ingress {context.Namespace}/{ingress.Metadata.Name} has no path whose backend is Service {root} with port name {UseAnnotation}");
        }
    }

    private async Task<AlbVerdict> JudgeAsync(TrafficRoutingContext context, V1Ingress ingress, CancellationToken cancellationToken)
    {
        var writtenAt = (ingress.Metadata.ManagedFields ?? [])
            .Where(m => m.Manager == ApiGroup.FieldManager && m.Time is not null)
            .Select(m => m.Time)
            .Max();
        Corev1EventList events;
        try
        {
            events = await _client.CoreV1.ListNamespacedEventAsync(
                context.Namespace,
                fieldSelector: $"involvedObject.kind=Ingress,involvedObject.name={ingress.Metadata.Name}",
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Forbidden)
        {
            throw new TrafficRoutingException($"cannot list Events in namespace {context.Namespace} to verify the ALB action (grant list on events)", e);
        }

        var about = events.Items.Where(e => e.InvolvedObject?.Uid is null || e.InvolvedObject.Uid == ingress.Metadata.Uid);
        return AlbAcceptance.Judge(about, writtenAt);
    }

    private static string? Annotation(V1Ingress ingress, AlbRouting alb, TrafficRoutingContext context) =>
        ingress.Metadata.Annotations?.TryGetValue(AlbAction.Key(alb, context.StableService), out var value) == true ? value : null;

    private static AlbRouting Routing(TrafficRoutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Routing.Alb ?? throw new TrafficRoutingException("trafficRouting.alb is not set");
    }

    private async Task<V1Ingress> GetAsync(TrafficRoutingContext context, string name, CancellationToken cancellationToken) =>
        await FindAsync(context.Namespace, name, cancellationToken).ConfigureAwait(false)
        ?? throw new TrafficRoutingException($"Ingress {context.Namespace}/{name} not found");

    private async Task<V1Ingress?> FindAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.NetworkingV1.ReadNamespacedIngressAsync(name, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
