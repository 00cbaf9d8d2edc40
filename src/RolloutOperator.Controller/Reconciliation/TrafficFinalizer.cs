using RolloutOperator.Controller.Model;
using RolloutOperator.Core.Engine;

namespace RolloutOperator.Controller.Reconciliation;

/// <summary>
/// The finalizer <c>rollout-operator.io/traffic-reset</c> exists only while the spec routes through a shared object the
/// user owns (an HTTPRoute): deleting the Rollout must first send all traffic back to stable there, or the route would
/// keep pointing weight at a canary Service whose pods are being garbage-collected.
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

    /// <summary>Adds or removes the finalizer to match the spec; returns the Rollout as it now is on the server.</summary>
    public async Task<Rollout> EnsureAsync(Rollout rollout, CancellationToken cancellationToken)
    {
        var wanted = TrafficGateway.EditsSharedObject(rollout.Spec);
        if (wanted == Has(rollout))
        {
            return rollout;
        }

        var others = (rollout.Metadata.Finalizers ?? []).Where(f => f != RolloutApi.Finalizer).ToList();
        var finalizers = wanted ? [.. others, RolloutApi.Finalizer] : others;
        return await _patches.SetFinalizersAsync(rollout, finalizers, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>On deletion: reset traffic (best effort: a route that is gone needs no reset), then release the Rollout.</summary>
    public async Task FinalizeAsync(Rollout rollout, List<RolloutEvent> events, CancellationToken cancellationToken)
    {
        if (!Has(rollout))
        {
            return;
        }

        if (await _traffic.ResetAsync(rollout, events, cancellationToken).ConfigureAwait(false))
        {
            events.Add(new RolloutEvent(EventSeverity.Normal, "TrafficReset", "All traffic returned to the stable Service before deletion"));
        }

        var others = rollout.Metadata.Finalizers!.Where(f => f != RolloutApi.Finalizer).ToList();
        await _patches.SetFinalizersAsync(rollout, others, cancellationToken).ConfigureAwait(false);
    }
}
