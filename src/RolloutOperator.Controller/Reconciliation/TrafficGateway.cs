using k8s.Models;
using RolloutOperator.Controller.Model;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Reconciliation;

/// <summary>Finds the Rollout's traffic router and the context it acts in; turns routing failures into Warning events.</summary>
internal sealed class TrafficGateway
{
    public const string ErrorReason = "TrafficRoutingError";
    private readonly TrafficRouterRegistry _routers;

    public TrafficGateway(TrafficRouterRegistry routers) => _routers = routers;

    /// <summary>The router name the spec asks for, or null for replica-ratio canaries and blue/green.</summary>
    public static string? RouterName(RolloutSpec spec) => spec.Strategy?.Canary?.TrafficRouting switch
    {
        { GatewayApi: not null } => ParseContext.GatewayApiRouter,
        { Nginx: not null } => ParseContext.NginxRouter,
        { Istio: not null } => ParseContext.IstioRouter,
        { Plugin.Name: { Length: > 0 } plugin } => plugin,
        _ => null,
    };

    /// <summary>Routers that edit a shared object the user owns; the Rollout carries a finalizer to put it back.</summary>
    public static bool EditsSharedObject(RolloutSpec spec) => spec.Strategy?.Canary?.TrafficRouting?.GatewayApi is not null;

    public (ITrafficRouter Router, TrafficRoutingContext Context)? Resolve(Rollout rollout)
    {
        var canary = rollout.Spec.Strategy?.Canary;
        if (canary?.TrafficRouting is not { } routing || RouterName(rollout.Spec) is not { } name || _routers.Find(name) is not { } router)
        {
            return null;
        }

        return (router, Context(rollout, routing, canary.StableService ?? string.Empty, canary.CanaryService ?? string.Empty));
    }

    private static TrafficRoutingContext Context(Rollout rollout, TrafficRouting routing, string stableService, string canaryService)
    {
        var owner = new V1OwnerReference
        {
            ApiVersion = ApiGroup.ApiVersion,
            Kind = Rollout.KindName,
            Name = rollout.Metadata.Name,
            Uid = rollout.Metadata.Uid,
            BlockOwnerDeletion = true,
            Controller = true,
        };
        return new TrafficRoutingContext(rollout.Metadata.NamespaceProperty, rollout.Metadata.Name, owner, routing, stableService, canaryService);
    }

    public async Task<TrafficObservation?> ObserveAsync(Rollout rollout, RolloutPlan plan, List<RolloutEvent> events, CancellationToken cancellationToken)
    {
        if (plan.Strategy is not CanaryPlan { Router: not null } || Resolve(rollout) is not { } resolved)
        {
            return null;
        }

        var (router, context) = resolved;

        try
        {
            return await router.ObserveAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (TrafficRoutingException ex)
        {
            // Unknown split: Core will not count a step done, so the rollout simply does not advance.
            events.Add(new RolloutEvent(EventSeverity.Warning, ErrorReason, ex.Message));
            return null;
        }
    }

    public async Task ApplyAsync(Rollout rollout, RouteTraffic route, List<RolloutEvent> events, CancellationToken cancellationToken)
    {
        if (Resolve(rollout) is not { } resolved)
        {
            return;
        }

        var (router, context) = resolved;

        try
        {
            await router.ApplyAsync(context, route.CanaryWeight, route.HeaderRoutes, cancellationToken).ConfigureAwait(false);
        }
        catch (TrafficRoutingException ex)
        {
            events.Add(new RolloutEvent(EventSeverity.Warning, ErrorReason, ex.Message));
        }
    }

    /// <summary>
    /// Puts the given routes back (all traffic to stable, managed header rules removed). The routes come from the
    /// Rollout's record, not its spec: the spec may no longer name them.
    /// </summary>
    public async Task<bool> ResetAsync(Rollout rollout, ManagedRoutes routes, List<RolloutEvent> events, CancellationToken cancellationToken)
    {
        if (_routers.Find(ParseContext.GatewayApiRouter) is not { } router)
        {
            return false;
        }

        try
        {
            await router.ResetAsync(Context(rollout, routes.Routing, routes.StableService, routes.CanaryService), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TrafficRoutingException ex)
        {
            events.Add(new RolloutEvent(EventSeverity.Warning, ErrorReason, ex.Message));
            return false;
        }
    }
}
