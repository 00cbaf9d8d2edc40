using System.Collections.Concurrent;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Caching;

/// <summary>
/// Rollouts the informer could not decode, by key. Such a Rollout is not in the cache, so the operator leaves it (and its
/// workloads and traffic) as they are; its reconcile records a Warning Event so the author learns why.
/// </summary>
internal sealed class UndecodableRollouts
{
    private readonly ConcurrentDictionary<ObjectKey, UndecodableObject> _objects = new();

    public void Report(UndecodableObject undecodable)
    {
        if (undecodable.Deleted)
        {
            _objects.TryRemove(undecodable.Key, out _);
        }
        else
        {
            _objects[undecodable.Key] = undecodable;
        }
    }

    public void Forget(ObjectKey key) => _objects.TryRemove(key, out _);

    public UndecodableObject? Find(ObjectKey key) => _objects.GetValueOrDefault(key);
}
