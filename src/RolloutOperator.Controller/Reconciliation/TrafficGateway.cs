using System.Runtime.ExceptionServices;
using k8s.Models;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Reconciliation;

/// <summary>
/// Finds every traffic router the Rollout names and the context they act in, and runs each operation on all of them:
/// the observation is what all routers agree on, a write goes to every router, and a failure in one is reported as a
/// Warning event that starts with that router's name (the others are still written).
/// </summary>
internal sealed class TrafficGateway
{
    public const string ErrorReason = "TrafficRoutingError";
    private readonly TrafficRouterRegistry _routers;

    public TrafficGateway(TrafficRouterRegistry routers) => _routers = routers;

    /// <summary>
    /// The one resolution path of every operation: each router <paramref name="routing"/> names, in spec order, with the
    /// context it acts in; empty when it names none (or names one not registered). Observe and apply pass the spec's
    /// routing, reset the recorded one (<see cref="ManagedRoutes"/>), so each reaches exactly the routers it names.
    /// </summary>
    private List<(ITrafficRouter Router, TrafficRoutingContext Context)> Resolve(
        Rollout rollout, TrafficRouting? routing, string stableService, string canaryService)
    {
        var resolved = new List<(ITrafficRouter, TrafficRoutingContext)>();
        if (routing is null)
        {
            return resolved;
        }

        var context = Context(rollout, routing, stableService, canaryService);
        foreach (var named in TrafficRouters.Named(routing))
        {
            // The parser refuses unknown names; should one slip through, acting on a subset would count a step done early.
            if (_routers.Find(named.Name) is not { } router)
            {
                return [];
            }

            resolved.Add((router, context));
        }

        return resolved;
    }

    /// <summary>The routers of the spec the plan was parsed from.</summary>
    private List<(ITrafficRouter Router, TrafficRoutingContext Context)> ResolveSpec(Rollout rollout)
    {
        var canary = rollout.Spec.Strategy?.Canary;
        return Resolve(rollout, canary?.TrafficRouting, canary?.StableService ?? string.Empty, canary?.CanaryService ?? string.Empty);
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

    /// <summary>
    /// Observes every router (all of them, so each failure is reported) and returns the split they all agree on; null
    /// when any is unknown or they disagree, so no step counts as done until every router reports it.
    /// </summary>
    public async Task<TrafficObservation?> ObserveAsync(Rollout rollout, RolloutPlan plan, List<RolloutEvent> events, CancellationToken cancellationToken)
    {
        if (plan.Strategy is not CanaryPlan { Router: not null } || ResolveSpec(rollout) is not { Count: > 0 } routers)
        {
            return null;
        }

        var observed = new List<TrafficObservation?>();
        foreach (var (router, context) in routers)
        {
            try
            {
                observed.Add(await router.ObserveAsync(context, cancellationToken).ConfigureAwait(false));
            }
            catch (TrafficRoutingException ex)
            {
                events.Add(Failed(router, ex));
                observed.Add(null);
            }
        }

        return TrafficAgreement.Of(observed);
    }

    /// <summary>Writes the desired state to every router; a router that fails does not keep the others from being written.</summary>
    public async Task ApplyAsync(Rollout rollout, RouteTraffic route, List<RolloutEvent> events, CancellationToken cancellationToken)
    {
        await ForEachAsync(ResolveSpec(rollout), (router, context) => router.ApplyAsync(context, route.Desired, cancellationToken), events).ConfigureAwait(false);
    }

    /// <summary>
    /// Puts the given routes back on every router that recorded them (all traffic to stable, managed header and mirror
    /// routes removed). The routes come from the Rollout's record, not its spec: the spec may no longer name them.
    /// True when every router was reset.
    /// </summary>
    public async Task<bool> ResetAsync(Rollout rollout, ManagedRoutes routes, List<RolloutEvent> events, CancellationToken cancellationToken)
    {
        var routers = Resolve(rollout, routes.Routing, routes.StableService, routes.CanaryService);
        if (routers.Count == 0)
        {
            return false;
        }

        return await ForEachAsync(routers, (router, context) => router.ResetAsync(context, cancellationToken), events).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs the operation on every router. Misconfiguration becomes a named Warning; any other failure (transient) is
    /// rethrown after the remaining routers had their turn, so the reconcile is retried with backoff.
    /// </summary>
    private static async Task<bool> ForEachAsync(
        IReadOnlyList<(ITrafficRouter Router, TrafficRoutingContext Context)> routers,
        Func<ITrafficRouter, TrafficRoutingContext, Task> operation,
        List<RolloutEvent> events)
    {
        var allDone = true;
        ExceptionDispatchInfo? transient = null;
        foreach (var (router, context) in routers)
        {
            try
            {
                await operation(router, context).ConfigureAwait(false);
            }
            catch (TrafficRoutingException ex)
            {
                events.Add(Failed(router, ex));
                allDone = false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                transient ??= ExceptionDispatchInfo.Capture(ex);
                allDone = false;
            }
        }

        transient?.Throw();
        return allDone;
    }

    private static RolloutEvent Failed(ITrafficRouter router, TrafficRoutingException ex) =>
        new(EventSeverity.Warning, ErrorReason, $"traffic router {router.Name}: {ex.Message}");
}
