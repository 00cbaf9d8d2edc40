using RolloutOperator.Runtime.Informers;
using RolloutOperator.Runtime.Queue;

namespace RolloutOperator.Runtime.Controllers;

/// <summary>
/// Turns informer events into queue keys. Level-triggered: the event type is ignored; on update both
/// the old and the new object's keys are added, so a changed owner reference still wakes the old owner.
/// </summary>
public sealed class EnqueueHandler<T, TKey> : IInformerHandler<T>
    where TKey : notnull
{
    private readonly WorkQueue<TKey> _queue;
    private readonly Func<T, IEnumerable<TKey>> _keysOf;

    public EnqueueHandler(WorkQueue<TKey> queue, Func<T, IEnumerable<TKey>> keysOf)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(keysOf);
        _queue = queue;
        _keysOf = keysOf;
    }

    public void OnAdd(T obj) => Enqueue(obj);

    public void OnUpdate(T oldObj, T newObj)
    {
        Enqueue(oldObj);
        Enqueue(newObj);
    }

    public void OnDelete(T obj) => Enqueue(obj);

    private void Enqueue(T obj)
    {
        foreach (var key in _keysOf(obj))
        {
            _queue.Add(key);
        }
    }
}
