using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Watch;

namespace RolloutOperator.ApiEmulator.Storage;

/// <summary>
/// The "etcd": one lock, one global resourceVersion counter, a bounded event history and the
/// live watchers. Events are fanned out to watchers while the lock is held, so every watcher sees
/// changes in commit order. Stored objects are owned by the store; callers get clones.
/// </summary>
internal sealed class ObjectStore
{
    private readonly Dictionary<string, SortedDictionary<string, JsonObject>> _data = new(StringComparer.Ordinal);
    private readonly List<Watcher> _watchers = [];
    private readonly ConcurrentQueue<StoredEvent> _followUps = new();
    private readonly WatchHistory _history;
    private long _rv;

    public ObjectStore(int historyCapacity) => _history = new WatchHistory(historyCapacity);

    /// <summary>Held for every read-modify-write so that preconditions and commits are atomic.</summary>
    public Lock Gate { get; } = new();

    public long CurrentRv
    {
        get
        {
            lock (Gate)
            {
                return _rv;
            }
        }
    }

    public JsonObject? Get(string groupResource, string? ns, string name)
    {
        lock (Gate)
        {
            return Bucket(groupResource).GetValueOrDefault(Key(ns, name));
        }
    }

    public IReadOnlyList<(string Key, JsonObject Object)> List(string groupResource, string? ns)
    {
        lock (Gate)
        {
            return Bucket(groupResource)
                .Where(p => ns is null || JsonTree.Namespace(p.Value) == ns)
                .Select(p => (p.Key, p.Value))
                .ToList();
        }
    }

    public IReadOnlyList<(string GroupResource, JsonObject Object)> All()
    {
        lock (Gate)
        {
            return _data.SelectMany(b => b.Value.Values.Select(o => (b.Key, o))).ToList();
        }
    }

    /// <summary>Stores obj (taking ownership) with a fresh resourceVersion and records ADDED/MODIFIED.</summary>
    public JsonObject Save(string groupResource, JsonObject obj, JsonObject? previous)
    {
        lock (Gate)
        {
            var rv = ++_rv;
            JsonTree.Metadata(obj)["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Bucket(groupResource)[Key(JsonTree.Namespace(obj), JsonTree.Name(obj)!)] = obj;
            Publish(new StoredEvent(rv, previous is null ? "ADDED" : "MODIFIED", groupResource, obj, previous));
            return obj;
        }
    }

    /// <summary>Removes the object; the DELETED event carries a new resourceVersion like the real server.</summary>
    public JsonObject Remove(string groupResource, JsonObject current)
    {
        lock (Gate)
        {
            var rv = ++_rv;
            var deleted = JsonTree.CloneObject(current);
            JsonTree.Metadata(deleted)["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Bucket(groupResource).Remove(Key(JsonTree.Namespace(current), JsonTree.Name(current)!));
            Publish(new StoredEvent(rv, "DELETED", groupResource, deleted, current));
            return deleted;
        }
    }

    /// <summary>Registers a watcher after queueing its initial events (synthetic ADDs or replayed history).</summary>
    public void Subscribe(Watcher watcher, long? sinceRv)
    {
        lock (Gate)
        {
            if (sinceRv is { } rv && rv > 0)
            {
                var replay = _history.Since(rv) ?? throw Errors.Expired(rv, _history.OldestAvailable);
                foreach (var e in replay)
                {
                    watcher.Offer(e);
                }
            }
            else
            {
                foreach (var obj in Bucket(watcher.Filter.GroupResource).Values)
                {
                    watcher.OfferInitial(obj);
                }
            }

            _watchers.Add(watcher);
        }
    }

    public void Unsubscribe(Watcher watcher)
    {
        lock (Gate)
        {
            _watchers.Remove(watcher);
        }
    }

    public void BookmarkNow(Watcher watcher)
    {
        lock (Gate)
        {
            watcher.Bookmark(_rv);
        }
    }

    public void DropAllWatchers()
    {
        lock (Gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Close();
            }

            _watchers.Clear();
        }
    }

    public void ExpireHistory()
    {
        lock (Gate)
        {
            _history.CompactThrough(_rv);
        }
    }

    public bool TryTakeFollowUp(out StoredEvent e) => _followUps.TryDequeue(out e!);

    private void Publish(StoredEvent e)
    {
        _history.Add(e);
        foreach (var watcher in _watchers)
        {
            watcher.Offer(e);
        }

        _followUps.Enqueue(e);
    }

    private SortedDictionary<string, JsonObject> Bucket(string groupResource)
    {
        if (!_data.TryGetValue(groupResource, out var bucket))
        {
            bucket = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            _data[groupResource] = bucket;
        }

        return bucket;
    }

    internal static string Key(string? ns, string name) => $"{ns}/{name}";
}
