namespace RolloutOperator.ApiEmulator.Http;

/// <summary>Every request the emulator served, in order; thread-safe snapshots.</summary>
public sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<RequestRecord> _records = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _records.Count;
            }
        }
    }

    public IReadOnlyList<RequestRecord> All() => Where(_ => true);

    /// <summary>create, update, patch, delete and deletecollection requests.</summary>
    public IReadOnlyList<RequestRecord> Writes() => Where(r => r.IsWrite);

    /// <summary>Requests for one resource (plural, e.g. "deployments"), optionally one verb.</summary>
    public IReadOnlyList<RequestRecord> For(string resource, string? verb = null) =>
        Where(r => r.Request.Resource == resource && (verb is null || r.Verb == verb));

    public IReadOnlyList<RequestRecord> Where(Func<RequestRecord, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        lock (_gate)
        {
            return _records.Where(predicate).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _records.Clear();
        }
    }

    internal void Add(RequestRecord record)
    {
        lock (_gate)
        {
            _records.Add(record);
        }
    }
}
