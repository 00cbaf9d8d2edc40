using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>
/// Whether the routers report exactly the wanted header routes (by name) and mirror routes (by name and share: a step
/// that only changes a mirror's share is not done until the routers report the new share).
/// </summary>
internal static class TrafficRoutes
{
    public static bool Match(IEnumerable<HeaderRoutePlan> headers, IEnumerable<MirrorRoutePlan> mirrors, TrafficObservation traffic) =>
        SameNames(headers.Select(r => r.Name), traffic.HeaderRoutes)
        && SameMirrors(mirrors.Select(r => new MirrorRouteObservation(r.Name, r.Hundredths)), traffic.MirrorRoutes);

    private static bool SameMirrors(IEnumerable<MirrorRouteObservation> a, IEnumerable<MirrorRouteObservation> b) =>
        Sorted(a).SequenceEqual(Sorted(b));

    private static IEnumerable<MirrorRouteObservation> Sorted(IEnumerable<MirrorRouteObservation> mirrors) =>
        mirrors.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Hundredths);

    private static bool SameNames(IEnumerable<string> wanted, IEnumerable<string> observed) =>
        wanted.Order(StringComparer.Ordinal).SequenceEqual(observed.Order(StringComparer.Ordinal), StringComparer.Ordinal);
}
