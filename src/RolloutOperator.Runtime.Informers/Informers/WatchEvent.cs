using k8s;

namespace RolloutOperator.Runtime.Informers;

/// <summary>
/// A watch event; for bookmarks only <c>metadata.resourceVersion</c> of the object is set. When the object could not be
/// decoded, <see cref="Undecodable"/> describes it and <see cref="Object"/> is null.
/// </summary>
public readonly record struct WatchEvent<T>(WatchEventType Type, T Object)
{
    public UndecodableObject? Undecodable { get; init; }
}
