using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>Whether the routers report exactly the wanted header and mirror routes, by name.</summary>
internal static class TrafficRoutes
{
    public static bool Match(IEnumerable<HeaderRoutePlan> headers, IEnumerable<MirrorRoutePlan> mirrors, TrafficObservation traffic) =>
        SameNames(headers.Select(r => r.Name), traffic.HeaderRoutes) && SameNames(mirrors.Select(r => r.Name), traffic.MirrorRoutes);

    private static bool SameNames(IEnumerable<string> wanted, IEnumerable<string> observed) =>
        wanted.Order(StringComparer.Ordinal).SequenceEqual(observed.Order(StringComparer.Ordinal), StringComparer.Ordinal);
}
