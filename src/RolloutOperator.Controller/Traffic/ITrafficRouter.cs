using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Traffic;

/// <summary>
/// A small named port to a traffic-routing implementation. It owns only the weights (and the header routes the operator
/// manages) on objects the user owns; every other field is left as the user wrote it.
/// </summary>
public interface ITrafficRouter
{
    /// <summary>The name the spec refers to (gatewayAPI, nginx, or a plugin name).</summary>
    string Name { get; }

    RouterCapabilities Capabilities { get; }

    /// <summary>The split currently in force, or null when it cannot be read yet (route missing, not yet programmed).</summary>
    Task<TrafficObservation?> ObserveAsync(TrafficRoutingContext context, CancellationToken cancellationToken);

    /// <summary>Sets the canary weight and the header routes; idempotent.</summary>
    Task ApplyAsync(TrafficRoutingContext context, int canaryWeight, IReadOnlyList<HeaderRoutePlan> headerRoutes, CancellationToken cancellationToken);

    /// <summary>All traffic back to stable and managed header routes removed (Rollout deleted or routing removed).</summary>
    Task ResetAsync(TrafficRoutingContext context, CancellationToken cancellationToken);
}
