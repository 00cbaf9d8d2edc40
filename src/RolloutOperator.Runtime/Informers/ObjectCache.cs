using k8s;
using k8s.Models;

namespace RolloutOperator.Runtime.Informers;

/// <summary>
/// Thread-safe store written only by informers, with a controller-owner-uid index.
/// Objects are shared, never copied: readers must clone before mutating.
/// </summary>
public sealed class ObjectCache<T> : IObjectCache<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ObjectKey, T> _items = [];
    private readonly Dictionary<string, HashSet<ObjectKey>> _byOwnerUid = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    public T? Find(ObjectKey key)
    {
        lock (_lock)
        {
            return _items.GetValueOrDefault(key);
        }
    }

    public T? Find(string namespaceName, string name) => Find(new ObjectKey(namespaceName, name));

    public IReadOnlyList<T> List(string? namespaceName = null) => Select(namespaceName, static _ => true);

    public IReadOnlyList<T> List(string? namespaceName, V1LabelSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return Select(namespaceName, obj => LabelSelectorMatcher.Matches(selector, obj.Metadata?.Labels));
    }

    public IReadOnlyList<T> ListByControllerUid(string ownerUid)
    {
        lock (_lock)
        {
            return _byOwnerUid.TryGetValue(ownerUid, out var keys)
                ? keys.Select(key => _items[key]).ToList()
                : [];
        }
    }

    /// <summary>Stores the object and returns the one it replaced, if any.</summary>
    internal T? Upsert(T obj)
    {
        var key = ObjectKey.Of(obj);
        lock (_lock)
        {
            var previous = RemoveLocked(key);
            _items[key] = obj;
            if (ControllerUid(obj) is { } uid)
            {
                IndexFor(uid).Add(key);
            }

            return previous;
        }
    }

    internal T? Remove(ObjectKey key)
    {
        lock (_lock)
        {
            return RemoveLocked(key);
        }
    }

    /// <summary>Keys owned by one list-watch scope (a namespace, or everything when null).</summary>
    internal IReadOnlyList<ObjectKey> KeysIn(string? @namespace)
    {
        lock (_lock)
        {
            return _items.Keys.Where(key => @namespace is null || key.Namespace == @namespace).ToList();
        }
    }

    private List<T> Select(string? @namespace, Func<T, bool> predicate)
    {
        lock (_lock)
        {
            return _items
                .Where(pair => (@namespace is null || pair.Key.Namespace == @namespace) && predicate(pair.Value))
                .Select(pair => pair.Value)
                .ToList();
        }
    }

    private T? RemoveLocked(ObjectKey key)
    {
        if (!_items.Remove(key, out var previous))
        {
            return null;
        }

        if (ControllerUid(previous) is { } uid && _byOwnerUid.TryGetValue(uid, out var keys))
        {
            keys.Remove(key);
            if (keys.Count == 0)
            {
                _byOwnerUid.Remove(uid);
            }
        }

        return previous;
    }

    private HashSet<ObjectKey> IndexFor(string uid)
    {
        if (!_byOwnerUid.TryGetValue(uid, out var keys))
        {
            keys = [];
            _byOwnerUid[uid] = keys;
        }

        return keys;
    }

    private static string? ControllerUid(T obj) =>
        obj.Metadata?.OwnerReferences?.FirstOrDefault(owner => owner.Controller == true)?.Uid;
}
