namespace RolloutOperator.Runtime.Informers;

/// <summary>Delegate-based <see cref="IInformerHandler{T}"/>; unset callbacks are ignored.</summary>
public sealed class InformerHandler<T> : IInformerHandler<T>
{
    public Action<T>? Added { get; init; }

    public Action<T, T>? Updated { get; init; }

    public Action<T>? Deleted { get; init; }

    public void OnAdd(T obj) => Added?.Invoke(obj);

    public void OnUpdate(T oldObj, T newObj) => Updated?.Invoke(oldObj, newObj);

    public void OnDelete(T obj) => Deleted?.Invoke(obj);
}
