using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.TrafficSimulator;

/// <summary>
/// Which revision gets what share, from a Rollout's status. Canary: stable gets 100 − w and the canary w, where w is the
/// router's observed weight (what is actually in force), else the desired one. Blue/green: the active revision gets all.
/// Before any status, the spec's own revision gets all.
/// </summary>
internal static class TrafficSplit
{
    public static IReadOnlyList<(string Revision, double Weight)> Of(RolloutSpec spec, RolloutStatus? status)
    {
        var specRevision = SpecRevision(spec);
        if (spec.Strategy.BlueGreen is not null)
        {
            return All(status?.BlueGreen?.ActiveRevision ?? status?.StableRevision ?? specRevision);
        }

        var stable = status?.StableRevision;
        var canary = status?.CanaryRevision;
        if (stable is null || canary is null || canary == stable)
        {
            return All(stable ?? canary ?? specRevision);
        }

        var weight = Math.Clamp(status!.Traffic?.ObservedWeight ?? status.Traffic?.DesiredWeight ?? 0, 0, 100);
        return [.. new[] { (stable, 100.0 - weight), (canary, (double)weight) }.Where(r => r.Item2 > 0)];
    }

    public static string? SpecRevision(RolloutSpec spec) => spec.Template is { } template ? RevisionHash.Compute(template) : null;

    private static IReadOnlyList<(string Revision, double Weight)> All(string? revision) => revision is null ? [] : [(revision, 100.0)];
}
