using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace RolloutOperator.Runtime.Informers;

/// <summary>Applies list and watch results to the cache, then notifies handlers.</summary>
internal sealed class CacheWriter<T>(ObjectCache<T> cache, string resource, ILogger logger)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private IInformerHandler<T>[] _handlers = [];
    private Action<UndecodableObject>[] _undecodableHandlers = [];
    private Func<T, T>[] _transforms = [];

    public void AddHandler(IInformerHandler<T> handler) => _handlers = [.. _handlers, handler];

    public void AddUndecodableHandler(Action<UndecodableObject> handler) => _undecodableHandlers = [.. _undecodableHandlers, handler];

    public void AddTransform(Func<T, T> transform) => _transforms = [.. _transforms, transform];

    /// <summary>
    /// An object that exists but cannot be decoded is dropped from the cache (readers must not act on a version the
    /// server no longer has), a delete is raised if it was cached, and the undecodable handlers are told (also of a
    /// deleted undecodable object, so they can forget it).
    /// </summary>
    public void Undecodable(UndecodableObject undecodable)
    {
        if (cache.Remove(undecodable.Key) is { } gone)
        {
            Notify(gone, h => h.OnDelete(gone));
        }

        if (!undecodable.Deleted)
        {
            InformerLog.Undecodable(logger, resource, undecodable.Key, undecodable.ResourceVersion ?? string.Empty, undecodable.Error);
        }

        foreach (var handler in _undecodableHandlers)
        {
            try
            {
                handler(undecodable);
            }
#pragma warning disable CA1031 // A faulty handler must not stop the informer.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                InformerLog.HandlerFailed(logger, ex, resource, undecodable.Key);
            }
        }
    }

    public void Upsert(T obj) => Store(Transform(obj));

    private void Store(T obj)
    {
        var previous = cache.Upsert(obj);
        if (previous is null)
        {
            Notify(obj, h => h.OnAdd(obj));
        }
        else
        {
            Notify(obj, h => h.OnUpdate(previous, obj));
        }
    }

    public void Delete(T obj)
    {
        obj = Transform(obj);
        cache.Remove(ObjectKey.Of(obj));
        Notify(obj, h => h.OnDelete(obj));
    }

    /// <summary>
    /// Makes the scope's cache equal to a fresh list. Keys missing from the list were deleted while we
    /// were not watching (e.g. before a 410): raise deletes for them with their last known state.
    /// </summary>
    public void Replace(string? scope, IReadOnlyList<T> items)
    {
        var listed = new HashSet<ObjectKey>();
        foreach (var item in items)
        {
            listed.Add(ObjectKey.Of(item));
            var existing = cache.Find(ObjectKey.Of(item));
            if (existing is null || existing.Metadata?.ResourceVersion != item.Metadata?.ResourceVersion)
            {
                Store(Transform(item));
            }
        }

        foreach (var key in cache.KeysIn(scope).Where(key => !listed.Contains(key)))
        {
            if (cache.Remove(key) is { } gone)
            {
                InformerLog.SynthesisedDelete(logger, resource, key);
                Notify(gone, h => h.OnDelete(gone));
            }
        }
    }

    /// <summary>
    /// Runs the transforms in order on an object that has not entered the cache yet. A transform that throws or
    /// returns nothing is skipped (logged): caching an object with more fields than needed is safe, dropping it is not.
    /// </summary>
    private T Transform(T obj)
    {
        foreach (var transform in _transforms)
        {
            try
            {
                obj = transform(obj) ?? obj;
            }
#pragma warning disable CA1031 // A faulty transform must not stop the informer or lose the object.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                InformerLog.TransformFailed(logger, ex, resource, ObjectKey.Of(obj));
            }
        }

        return obj;
    }

    private void Notify(T obj, Action<IInformerHandler<T>> notify)
    {
        foreach (var handler in _handlers)
        {
            try
            {
                notify(handler);
            }
#pragma warning disable CA1031 // A faulty handler must not stop the informer or starve other handlers.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                InformerLog.HandlerFailed(logger, ex, resource, ObjectKey.Of(obj));
            }
        }
    }
}
