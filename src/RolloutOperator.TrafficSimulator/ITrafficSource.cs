namespace RolloutOperator.TrafficSimulator;

/// <summary>Where the simulator learns the split: the Kubernetes API, or a fixed split in tests.</summary>
public interface ITrafficSource
{
    Task<TrafficSnapshot> ReadAsync(CancellationToken cancellationToken);
}
