using k8s;

namespace RolloutOperator.Runtime.Informers;

/// <summary>A watch event; for bookmarks only <c>metadata.resourceVersion</c> of the object is set.</summary>
public readonly record struct WatchEvent<T>(WatchEventType Type, T Object);
