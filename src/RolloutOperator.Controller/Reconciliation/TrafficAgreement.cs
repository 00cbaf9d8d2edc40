using RolloutOperator.Core.Engine;

namespace RolloutOperator.Controller.Reconciliation;

/// <summary>
/// Folds the observations of several routers into one. Only a split every router reports counts: taking the lowest
/// weight instead would, after an abort, count a router still stuck at a higher weight as done.
/// </summary>
internal static class TrafficAgreement
{
    public static TrafficObservation? Of(IReadOnlyList<TrafficObservation?> observed)
    {
        if (observed.Count == 0 || observed.Any(o => o is null))
        {
            return null;
        }

        var first = observed[0]!;
        foreach (var other in observed.Skip(1))
        {
            if (other!.CanaryWeight != first.CanaryWeight
                || !SameNames(other.HeaderRoutes, first.HeaderRoutes)
                || !SameMirrors(other.MirrorRoutes, first.MirrorRoutes))
            {
                return null;
            }
        }

        return first;
    }

    private static bool SameNames(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Order(StringComparer.Ordinal).SequenceEqual(b.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    // A router still copying the old share of a mirror route disagrees as much as one without it.
    private static bool SameMirrors(IReadOnlyList<MirrorRouteObservation> a, IReadOnlyList<MirrorRouteObservation> b) =>
        a.OrderBy(m => m.Name, StringComparer.Ordinal).SequenceEqual(b.OrderBy(m => m.Name, StringComparer.Ordinal));
}
