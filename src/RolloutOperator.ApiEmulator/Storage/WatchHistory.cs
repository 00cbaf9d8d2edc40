using RolloutOperator.ApiEmulator.Watch;

namespace RolloutOperator.ApiEmulator.Storage;

/// <summary>Bounded event log that lets watches resume from a resourceVersion (the watch cache window).</summary>
internal sealed class WatchHistory
{
    private readonly Queue<StoredEvent> _events = new();
    private readonly int _capacity;
    private long _compactedThrough;

    public WatchHistory(int capacity) => _capacity = Math.Max(1, capacity);

    public long OldestAvailable => _events.Count > 0 ? _events.Peek().ResourceVersion : _compactedThrough + 1;

    public void Add(StoredEvent e)
    {
        _events.Enqueue(e);
        while (_events.Count > _capacity)
        {
            _compactedThrough = _events.Dequeue().ResourceVersion;
        }
    }

    /// <summary>Events after rv, or null when some of them were already compacted away (410 Expired).</summary>
    public IReadOnlyList<StoredEvent>? Since(long rv) =>
        rv < _compactedThrough ? null : _events.Where(e => e.ResourceVersion > rv).ToList();

    public void CompactThrough(long rv)
    {
        _events.Clear();
        _compactedThrough = rv;
    }
}
