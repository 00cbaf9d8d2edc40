using System.Globalization;
using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Traffic.Nginx;

/// <summary>
/// ingress-nginx canary: a generated Ingress beside the user's stable Ingress carries the canary annotations. The stable
/// Ingress is only read. The canary Ingress is ours (owned by the Rollout), so it is written with server-side apply and
/// force; a comparison first keeps a converged reconcile at zero writes.
/// </summary>
internal sealed class NginxTrafficRouter : ITrafficRouter
{
    private const string FieldManager = ApiGroup.FieldManager;

    private readonly IKubernetes _client;
    private readonly ILogger<NginxTrafficRouter> _logger;

    public NginxTrafficRouter(IKubernetes client, ILogger<NginxTrafficRouter> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(logger);
        _client = client;
        _logger = logger;
    }

    public string Name => ParseContext.NginxRouter;

    public RouterCapabilities Capabilities { get; } = new(SupportsHeaderRoutes: true);

    /// <summary>No canary Ingress means no traffic to the canary (weight 0); an unreadable weight means not yet programmed (null).</summary>
    public async Task<TrafficObservation?> ObserveAsync(TrafficRoutingContext context, CancellationToken cancellationToken)
    {
        var routing = Routing(context);
        var canary = await FindAsync(context.Namespace, CanaryIngressBuilder.Name(context), cancellationToken).ConfigureAwait(false);
        if (canary is null)
        {
            _ = await GetStableAsync(context, routing, cancellationToken).ConfigureAwait(false);
            return new TrafficObservation(0, []);
        }

        var names = new NginxAnnotations(routing);
        var annotations = new Dictionary<string, string>(canary.Metadata.Annotations ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (annotations.GetValueOrDefault(names.Canary) != "true"
            || !int.TryParse(annotations.GetValueOrDefault(names.Weight), NumberStyles.None, CultureInfo.InvariantCulture, out var weight))
        {
            return null;
        }

        var headerRoute = annotations.ContainsKey(names.ByHeader) ? annotations.GetValueOrDefault(NginxAnnotations.HeaderRouteKey) : null;
        return new TrafficObservation(weight, headerRoute is null ? [] : [headerRoute]);
    }

    public async Task ApplyAsync(TrafficRoutingContext context, DesiredTraffic desired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var (canaryWeight, headerRoutes) = (desired.CanaryWeight, desired.HeaderRoutes);
        if (desired.MirrorRoutes.Count > 0)
        {
            throw new TrafficRoutingException("the nginx router cannot mirror traffic; setMirrorRoute needs another router");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(canaryWeight);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(canaryWeight, 100);
        var routing = Routing(context);
        var annotations = new NginxAnnotations(routing).Desired(canaryWeight, headerRoutes);
        var stable = await GetStableAsync(context, routing, cancellationToken).ConfigureAwait(false);
        var canaryIngress = CanaryIngressBuilder.Build(context, stable, annotations);
        var live = await FindAsync(context.Namespace, canaryIngress.Metadata.Name, cancellationToken).ConfigureAwait(false);
        var nothingToRoute = canaryWeight == 0 && !annotations.ContainsKey(NginxAnnotations.HeaderRouteKey);
        if (live is null ? nothingToRoute : CanaryIngressState.UpToDate(live, canaryIngress, FieldManager))
        {
            return;
        }

        await _client.NetworkingV1.PatchNamespacedIngressAsync(
            new V1Patch(KubernetesJson.Serialize(canaryIngress), V1Patch.PatchType.ApplyPatch),
            canaryIngress.Metadata.Name,
            context.Namespace,
            fieldManager: FieldManager,
            force: true,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        NginxLog.Applied(_logger, context.Namespace, canaryIngress.Metadata.Name, canaryWeight);
    }

    /// <summary>Weight 0 without header annotations; when the stable Ingress is gone the canary Ingress cannot be rebuilt and is deleted.</summary>
    public async Task ResetAsync(TrafficRoutingContext context, CancellationToken cancellationToken)
    {
        var routing = Routing(context);
        var name = CanaryIngressBuilder.Name(context);
        if (await FindAsync(context.Namespace, name, cancellationToken).ConfigureAwait(false) is null)
        {
            return;
        }

        if (await FindAsync(context.Namespace, routing.StableIngress, cancellationToken).ConfigureAwait(false) is null)
        {
            await _client.NetworkingV1.DeleteNamespacedIngressAsync(name, context.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            NginxLog.DeletedOrphan(_logger, context.Namespace, name);
            return;
        }

        await ApplyAsync(context, DesiredTraffic.Stable, cancellationToken).ConfigureAwait(false);
    }

    private static NginxRouting Routing(TrafficRoutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Routing.Nginx ?? throw new TrafficRoutingException("trafficRouting.nginx is not set");
    }

    private async Task<V1Ingress> GetStableAsync(TrafficRoutingContext context, NginxRouting routing, CancellationToken cancellationToken) =>
        await FindAsync(context.Namespace, routing.StableIngress, cancellationToken).ConfigureAwait(false)
        ?? throw new TrafficRoutingException($"Ingress {context.Namespace}/{routing.StableIngress} not found");

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
