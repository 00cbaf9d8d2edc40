using RolloutOperator.Core.Engine;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Reconciliation;

/// <summary>
/// The finalizer <c>rollout-operator.io/traffic-reset</c> exists only while the spec routes through a shared object the
/// user owns (an HTTPRoute): deleting the Rollout must first send all traffic back to stable there, or the route would
/// keep pointing weight at a canary Service whose pods are being garbage-collected. Beside it the annotation
/// <c>rollout-operator.io/managed-routes</c> records which routes those are (<see cref="ManagedRoutes"/>), so routes the
/// spec stops naming are put back too before the operator lets go of them.
/// </summary>
internal sealed class TrafficFinalizer
{
    private readonly RolloutPatches _patches;
    private readonly TrafficGateway _traffic;

    public TrafficFinalizer(RolloutPatches patches, TrafficGateway traffic)
    {
        _patches = patches;
        _traffic = traffic;
    }

    public static bool Has(Rollout rollout) => rollout.Metadata.Finalizers?.Contains(RolloutApi.Finalizer) == true;

    /// <summary>
    /// Brings the finalizer and the record in line with the spec, first resetting every recorded route the spec no longer
    /// manages (once the record is gone nothing would know to); returns the Rollout as it now is on the server.
    /// </summary>
    public async Task<Rollout> EnsureAsync(Rollout rollout, List<RolloutEvent> events, CancellationToken cancellationToken)
    {
        var wanted = ManagedRoutes.FromSpec(rollout.Spec);
        var annotation = wanted?.ToAnnotation();
        if ((wanted is not null) == Has(rollout) && annotation == ManagedRoutes.Annotation(rollout))
        {
            return rollout;
        }

        // A finalizer without a record predates the record: its routes are unknown and are left as they are.
        if (ManagedRoutes.Read(rollout)?.Without(wanted) is { } released)
        {
            await ResetAsync(rollout, released, "no longer in the spec", events, cancellationToken).ConfigureAwait(false);
        }

        var others = (rollout.Metadata.Finalizers ?? []).Where(f => f != RolloutApi.Finalizer).ToList();
        var finalizers = wanted is not null ? [.. others, RolloutApi.Finalizer] : others;
        return await _patches.SetFinalizersAsync(rollout, finalizers, annotation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>On deletion: reset traffic (best effort: a route that is gone needs no reset), then release the Rollout.</summary>
    public async Task FinalizeAsync(Rollout rollout, List<RolloutEvent> events, CancellationToken cancellationToken)
    {
        if (!Has(rollout))
        {
            return;
        }

        // The record says what was written; a Rollout finalized before the record existed falls back to its spec.
        if ((ManagedRoutes.Read(rollout) ?? ManagedRoutes.FromSpec(rollout.Spec)) is { } routes)
        {
            await ResetAsync(rollout, routes, "before deletion", events, cancellationToken).ConfigureAwait(false);
        }

        var others = rollout.Metadata.Finalizers!.Where(f => f != RolloutApi.Finalizer).ToList();
        await _patches.SetFinalizersAsync(rollout, others, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Best effort: a route the router rejects is reported (Warning) and not retried, so it cannot block the Rollout forever.</summary>
    private async Task ResetAsync(Rollout rollout, ManagedRoutes routes, string why, List<RolloutEvent> events, CancellationToken cancellationToken)
    {
        if (await _traffic.ResetAsync(rollout, routes, events, cancellationToken).ConfigureAwait(false))
        {
            var names = string.Join(", ", routes.ObjectNames);
            events.Add(new RolloutEvent(EventSeverity.Normal, "TrafficReset", $"All traffic returned to the stable Service on {names} {why}"));
        }
    }
}
