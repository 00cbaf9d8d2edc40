using System.Collections.Concurrent;
using k8s;
using k8s.Models;

namespace RolloutOperator.Runtime.Informers;

/// <summary>
/// Thread-safe store written only by informers, with a controller-owner-uid index.
/// Objects are shared, never copied: readers must clone before mutating.
/// Reads take no lock: every worker reads the caches on every reconcile, and on a busy machine a lock whose holder was
/// descheduled makes all of them spin (a tenth of the first pass over 10,000 Rollouts went to that). Writers serialise
/// among themselves; the owner index maps a uid to an immutable key array that a writer replaces whole, so a reader sees
/// either the old or the new set, each entry resolved against the current objects.
/// </summary>
public sealed class ObjectCache<T> : IObjectCache<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock _writeLock = new();
    private readonly ConcurrentDictionary<ObjectKey, T> _items = new();
    private readonly ConcurrentDictionary<string, ObjectKey[]> _byOwnerUid = new(StringComparer.Ordinal);

    public int Count => _items.Count;

    public T? Find(ObjectKey key) => _items.GetValueOrDefault(key);

    public T? Find(string namespaceName, string name) => Find(new ObjectKey(namespaceName, name));

    public IReadOnlyList<T> List(string? namespaceName = null) => Select(namespaceName, static _ => true);

    public IReadOnlyList<T> List(string? namespaceName, V1LabelSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return Select(namespaceName, obj => LabelSelectorMatcher.Matches(selector, obj.Metadata?.Labels));
    }

    public IReadOnlyList<T> ListByControllerUid(string ownerUid)
    {
        if (!_byOwnerUid.TryGetValue(ownerUid, out var keys))
        {
            return [];
        }

        var owned = new List<T>(keys.Length);
        foreach (var key in keys)
        {
            // A key removed between the two reads is skipped; one replaced is seen in its newer version.
            if (_items.TryGetValue(key, out var obj) && ControllerUid(obj) == ownerUid)
            {
                owned.Add(obj);
            }
        }

        return owned;
    }

    /// <summary>Stores the object and returns the one it replaced, if any.</summary>
    internal T? Upsert(T obj)
    {
        var key = ObjectKey.Of(obj);
        lock (_writeLock)
        {
            var previous = RemoveLocked(key);
            _items[key] = obj;
            if (ControllerUid(obj) is { } uid)
            {
                _byOwnerUid[uid] = _byOwnerUid.TryGetValue(uid, out var keys) ? [.. keys, key] : [key];
            }

            return previous;
        }
    }

    internal T? Remove(ObjectKey key)
    {
        lock (_writeLock)
        {
            return RemoveLocked(key);
        }
    }

    /// <summary>Keys owned by one list-watch scope (a namespace, or everything when null).</summary>
    internal IReadOnlyList<ObjectKey> KeysIn(string? @namespace) =>
        _items.Keys.Where(key => @namespace is null || key.Namespace == @namespace).ToList();

    private List<T> Select(string? @namespace, Func<T, bool> predicate) =>
        _items
            .Where(pair => (@namespace is null || pair.Key.Namespace == @namespace) && predicate(pair.Value))
            .Select(pair => pair.Value)
            .ToList();

    private T? RemoveLocked(ObjectKey key)
    {
        if (!_items.TryRemove(key, out var previous))
        {
            return null;
        }

        if (ControllerUid(previous) is { } uid && _byOwnerUid.TryGetValue(uid, out var keys))
        {
            var rest = Array.FindAll(keys, k => k != key);
            if (rest.Length == 0)
            {
                _byOwnerUid.TryRemove(uid, out _);
            }
            else
            {
                _byOwnerUid[uid] = rest;
            }
        }

        return previous;
    }

    private static string? ControllerUid(T obj) =>
        obj.Metadata?.OwnerReferences?.FirstOrDefault(owner => owner.Controller == true)?.Uid;
}
