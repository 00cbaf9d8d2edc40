using k8s.Models;
using RolloutOperator.Model;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>The operator's Events about one Rollout, oldest first: they tell when each step completed.</summary>
internal static class RolloutEvents
{
    public static bool IsAboutRollout(Eventsv1Event e) => e.Regarding is { Kind: Rollout.KindName };

    public static IReadOnlyList<Eventsv1Event> Of(ClusterCache cache, Rollout rollout) =>
        [.. cache.Events.List(rollout.Metadata.NamespaceProperty)
            .Where(e => IsAboutRollout(e) && e.Regarding.Name == rollout.Metadata.Name)
            .OrderBy(When)];

    public static DateTimeOffset When(Eventsv1Event e)
    {
        var at = e.Series?.LastObservedTime ?? e.EventTime ?? e.DeprecatedLastTimestamp ?? e.Metadata.CreationTimestamp ?? DateTime.MinValue;
        return new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));
    }
}
