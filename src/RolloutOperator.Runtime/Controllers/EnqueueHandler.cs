using RolloutOperator.Runtime.Informers;
using RolloutOperator.Runtime.Queue;

namespace RolloutOperator.Runtime.Controllers;

/// <summary>
/// Turns informer events into queue keys. Level-triggered: the event type is ignored; on update both
/// the old and the new object's keys are added, so a changed owner reference still wakes the old owner.
/// An optional priority hint puts the keys of an added or updated object into the queue's priority lane when it holds for
/// the object as it is now (e.g. "its spec changed and nobody has acted on it yet"), so it does not wait behind routine work.
/// </summary>
public sealed class EnqueueHandler<T, TKey> : IInformerHandler<T>
    where TKey : notnull
{
    private readonly WorkQueue<TKey> _queue;
    private readonly Func<T, IEnumerable<TKey>> _keysOf;
    private readonly Func<T, bool>? _isPriority;

    public EnqueueHandler(WorkQueue<TKey> queue, Func<T, IEnumerable<TKey>> keysOf, Func<T, bool>? isPriority = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(keysOf);
        _queue = queue;
        _keysOf = keysOf;
        _isPriority = isPriority;
    }

    public void OnAdd(T obj) => Enqueue(obj, IsPriority(obj));

    public void OnUpdate(T oldObj, T newObj)
    {
        // A key both objects map to is raised to the priority lane when the new object asks for it.
        Enqueue(oldObj, priority: false);
        Enqueue(newObj, IsPriority(newObj));
    }

    public void OnDelete(T obj) => Enqueue(obj, priority: false);

    private bool IsPriority(T obj) => _isPriority is not null && _isPriority(obj);

    private void Enqueue(T obj, bool priority)
    {
        foreach (var key in _keysOf(obj))
        {
            _queue.Add(key, priority);
        }
    }
}
