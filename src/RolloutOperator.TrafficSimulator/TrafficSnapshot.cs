namespace RolloutOperator.TrafficSimulator;

/// <summary>The split in force: revisions with positive weight. Empty while the Rollout cannot be read.</summary>
public sealed record TrafficSnapshot(IReadOnlyList<RevisionTraffic> Revisions)
{
    public static TrafficSnapshot None { get; } = new([]);

    public double TotalWeight => Revisions.Sum(r => r.Weight);
}
