namespace RolloutOperator.Runtime.Informers;

/// <summary>
/// Informer notifications, called after the cache is updated. Level-triggered consumers should only
/// map them to keys; there is no periodic resync. Handlers may be called from several informer loops
/// at once and must be thread-safe and quick.
/// </summary>
public interface IInformerHandler<in T>
{
    void OnAdd(T obj);

    void OnUpdate(T oldObj, T newObj);

    /// <summary>Also raised, with the last known state, for objects found missing by a relist.</summary>
    void OnDelete(T obj);
}
