namespace RolloutOperator.Runtime.Health;

/// <summary>What health checks need to know about an informer, independent of its object type.</summary>
public interface IInformerHealth
{
    string Name { get; }

    bool HasSynced { get; }

    /// <summary>Last successful list, watch event (bookmarks included) or orderly watch close.</summary>
    DateTimeOffset LastActivity { get; }

    /// <summary>How long without activity before the watch loop counts as dead.</summary>
    TimeSpan LivenessTimeout { get; }
}
