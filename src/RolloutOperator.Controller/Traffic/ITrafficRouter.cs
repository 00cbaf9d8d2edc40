using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Controller.Traffic;

/// <summary>
/// A small named port to a traffic-routing implementation. It owns only the weights (and the header and mirror routes
/// the operator manages) on objects the user owns; every other field is left as the user wrote it. A Rollout may name
/// several routers: each gets the same <see cref="DesiredTraffic"/> and is observed on its own (see docs/router-interface.md).
/// </summary>
internal interface ITrafficRouter
{
    /// <summary>The name the spec refers to (gatewayAPI, nginx, alb, or a plugin name).</summary>
    string Name { get; }

    /// <summary>What the router can do; the spec parser refuses steps that ask for more (see ParseContext.Routers).</summary>
    RouterCapabilities Capabilities { get; }

    /// <summary>
    /// The split currently in force (weight, header routes, mirror routes), or null when it cannot be read yet (not yet
    /// programmed, objects disagree, the controller has not accepted it). Misconfiguration throws <see cref="TrafficRoutingException"/>.
    /// </summary>
    Task<TrafficObservation?> ObserveAsync(TrafficRoutingContext context, CancellationToken cancellationToken);

    /// <summary>Puts the whole desired state in force (routes absent from it are removed); idempotent, zero writes when converged.</summary>
    Task ApplyAsync(TrafficRoutingContext context, DesiredTraffic desired, CancellationToken cancellationToken);

    /// <summary>All traffic back to stable, managed header and mirror routes removed (Rollout deleted or routing removed).</summary>
    Task ResetAsync(TrafficRoutingContext context, CancellationToken cancellationToken);
}
