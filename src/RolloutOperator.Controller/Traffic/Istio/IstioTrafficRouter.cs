using System.Text.Json.Nodes;
using k8s;
using Microsoft.Extensions.Logging;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Controller.Traffic.Istio;

/// <summary>
/// Moves weight between the stable and canary destinations of the managed routes in the user's VirtualServices and
/// keeps the operator's header and mirror routes in front of them. Subset-based routing also keeps the revision label of
/// the DestinationRule's stable and canary subsets equal to what the stable and canary Services select, written before
/// any weight so weight never reaches a subset that does not select the revision it stands for. Writes are JSON patches
/// of exactly those paths, guarded by a test of metadata.resourceVersion (see <see cref="IstioPatcher"/>).
/// </summary>
internal sealed class IstioTrafficRouter : ITrafficRouter
{
    private readonly IstioClient _client;
    private readonly IstioPatcher _patcher;
    private readonly ILogger<IstioTrafficRouter> _logger;

    public IstioTrafficRouter(IKubernetes client, ILogger<IstioTrafficRouter> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(logger);
        _client = new IstioClient(client);
        _patcher = new IstioPatcher(_client, logger);
        _logger = logger;
    }

    public string Name => ParseContext.IstioRouter;

    public RouterCapabilities Capabilities { get; } = new(SupportsHeaderRoutes: true, SupportsMirrorRoutes: true);

    /// <summary>
    /// The split every managed route of every VirtualService agrees on, or null when they disagree or the
    /// DestinationRule's subsets do not select what the Services select (the engine then applies the desired state again).
    /// </summary>
    public async Task<TrafficObservation?> ObserveAsync(TrafficRoutingContext context, CancellationToken cancellationToken)
    {
        var (targets, rule) = await ResolveAsync(context, cancellationToken).ConfigureAwait(false);
        if (rule is not null && !await SubsetsCurrentAsync(context, targets, rule, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var observations = new List<VirtualServiceObservation>();
        foreach (var target in targets.VirtualServices)
        {
            var virtualService = await _client.GetAsync(target.Ref, cancellationToken).ConfigureAwait(false);
            observations.Add(VirtualServiceObservation.Read(virtualService, target));
        }

        return IstioObservation.Combine(observations);
    }

    public Task ApplyAsync(TrafficRoutingContext context, DesiredTraffic desired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentOutOfRangeException.ThrowIfNegative(desired.CanaryWeight);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(desired.CanaryWeight, 100);
        var mirrors = desired.MirrorRoutes.Select(m => new IstioMirror(m.Name, m.Matches, m.Hundredths / 100.0)).ToList();
        return ConvergeAsync(context, new IstioDesired(desired.CanaryWeight, desired.HeaderRoutes, mirrors), cancellationToken);
    }

    /// <summary>Weights back to 100/0, operator routes removed, then the subsets' revision label removed; objects already gone need no reset.</summary>
    public async Task ResetAsync(TrafficRoutingContext context, CancellationToken cancellationToken)
    {
        var ruleRef = IstioTargets.RuleRef(context);
        var rule = ruleRef is null ? null : await _client.FindAsync(ruleRef, cancellationToken).ConfigureAwait(false);
        if (ruleRef is not null && rule is null)
        {
            IstioLog.MissingOnReset(_logger, ruleRef);
        }

        var targets = IstioTargets.Create(context, rule);
        foreach (var target in targets.VirtualServices)
        {
            if (await _client.FindAsync(target.Ref, cancellationToken).ConfigureAwait(false) is not { } virtualService)
            {
                IstioLog.MissingOnReset(_logger, target.Ref);
                continue;
            }

            await _patcher.ConvergeAsync(target.Ref, virtualService, vs => VirtualServicePatch.Build(vs, target, IstioDesired.Stable), cancellationToken).ConfigureAwait(false);
        }

        if (rule is not null && targets.Subsets is { } subsets)
        {
            await _patcher.ConvergeAsync(ruleRef!, rule, r => DestinationRulePatch.Reset(r, ruleRef!, subsets), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ConvergeAsync(TrafficRoutingContext context, IstioDesired desired, CancellationToken cancellationToken)
    {
        var (targets, rule) = await ResolveAsync(context, cancellationToken).ConfigureAwait(false);
        if (rule is not null)
        {
            // Subsets first: the weights written next must land on the revisions the Services select now.
            var (stable, canary) = await RevisionsAsync(context, cancellationToken).ConfigureAwait(false);
            await _patcher.ConvergeAsync(targets.DestinationRule!, rule, r => DestinationRulePatch.Build(r, targets.DestinationRule!, targets.Subsets!, stable, canary), cancellationToken).ConfigureAwait(false);
        }

        var wantsHttp = desired.HeaderRoutes.Any(h => h.Matches.Count > 0) || desired.Mirrors.Any(m => m.Percentage > 0);
        var hasHttp = false;
        foreach (var target in targets.VirtualServices)
        {
            var virtualService = await _client.GetAsync(target.Ref, cancellationToken).ConfigureAwait(false);
            hasHttp |= VirtualServiceRoutes.Managed(virtualService, target).Any(m => m.Section == RouteSection.Http);
            await _patcher.ConvergeAsync(target.Ref, virtualService, vs => VirtualServicePatch.Build(vs, target, desired), cancellationToken).ConfigureAwait(false);
        }

        if (wantsHttp && !hasHttp)
        {
            throw new TrafficRoutingException("trafficRouting.istio manages no HTTP route, so header and mirror routes cannot be set");
        }
    }

    private async Task<(IstioTargets Targets, JsonObject? Rule)> ResolveAsync(TrafficRoutingContext context, CancellationToken cancellationToken)
    {
        if (IstioTargets.Routing(context).VirtualServices is not { Count: > 0 })
        {
            throw new TrafficRoutingException("trafficRouting.istio lists no virtualServices");
        }

        var ruleRef = IstioTargets.RuleRef(context);
        var rule = ruleRef is null ? null : await _client.GetAsync(ruleRef, cancellationToken).ConfigureAwait(false);
        return (IstioTargets.Create(context, rule), rule);
    }

    private async Task<(string? Stable, string? Canary)> RevisionsAsync(TrafficRoutingContext context, CancellationToken cancellationToken) => (
        await _client.SelectedRevisionAsync(context.Namespace, context.StableService, cancellationToken).ConfigureAwait(false),
        await _client.SelectedRevisionAsync(context.Namespace, context.CanaryService, cancellationToken).ConfigureAwait(false));

    private async Task<bool> SubsetsCurrentAsync(TrafficRoutingContext context, IstioTargets targets, JsonObject rule, CancellationToken cancellationToken)
    {
        var (stable, canary) = await RevisionsAsync(context, cancellationToken).ConfigureAwait(false);
        return DestinationRulePatch.Build(rule, targets.DestinationRule!, targets.Subsets!, stable, canary).Count == 0;
    }
}
