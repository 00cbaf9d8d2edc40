using RolloutOperator.Controller.Traffic;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Controller.Tests.Traffic;

/// <summary>A router that holds a split in memory; it can be told to lag (keep its old split) or to be misconfigured.</summary>
internal sealed class InMemoryRouter(string name) : ITrafficRouter
{
    public string Name => name;

    public RouterCapabilities Capabilities { get; } = new(SupportsHeaderRoutes: true, SupportsMirrorRoutes: true);

    public DesiredTraffic InForce { get; private set; } = DesiredTraffic.Stable;

    public bool Lagging { get; set; }

    public string? Misconfigured { get; set; }

    public int Resets { get; private set; }

    public Task<TrafficObservation?> ObserveAsync(TrafficRoutingContext context, CancellationToken cancellationToken)
    {
        ThrowIfMisconfigured();
        return Task.FromResult<TrafficObservation?>(new TrafficObservation(InForce.CanaryWeight, [.. InForce.HeaderRoutes.Select(r => r.Name)])
        {
            MirrorRoutes = [.. InForce.MirrorRoutes.Select(r => new MirrorRouteObservation(r.Name, r.Hundredths))],
        });
    }

    public Task ApplyAsync(TrafficRoutingContext context, DesiredTraffic desired, CancellationToken cancellationToken)
    {
        ThrowIfMisconfigured();
        if (!Lagging)
        {
            InForce = desired;
        }

        return Task.CompletedTask;
    }

    public Task ResetAsync(TrafficRoutingContext context, CancellationToken cancellationToken)
    {
        ThrowIfMisconfigured();
        InForce = DesiredTraffic.Stable;
        Resets++;
        return Task.CompletedTask;
    }

    private void ThrowIfMisconfigured()
    {
        if (Misconfigured is { } message)
        {
            throw new TrafficRoutingException(message);
        }
    }
}
