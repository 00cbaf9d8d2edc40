namespace RolloutOperator.TrafficSimulator.Tests;

internal sealed class FixedTrafficSource(params RevisionTraffic[] revisions) : ITrafficSource
{
    public TrafficSnapshot Snapshot { get; set; } = new(revisions);

    public Task<TrafficSnapshot> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Snapshot);
}
