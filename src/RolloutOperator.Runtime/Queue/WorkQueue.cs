using System.Diagnostics.CodeAnalysis;
using RolloutOperator.Runtime.Metrics;

namespace RolloutOperator.Runtime.Queue;

/// <summary>
/// A fair, stingy work queue. Invariants: a key is queued at most once (duplicate adds collapse);
/// a key is handed to at most one worker at a time; an add while the key is being processed marks it
/// dirty and it is queued once more when the worker calls <see cref="Done"/>.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "It is a queue; the name says what it is for.")]
public sealed class WorkQueue<TKey> : IDisposable
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Queue<TKey> _queue = new();
    private readonly HashSet<TKey> _dirty = [];
    private readonly HashSet<TKey> _processing = [];
    private readonly Dictionary<TKey, DelayedAdd<TKey>> _delayed = [];
    private readonly SemaphoreSlim _available = new(0);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TimeProvider _timeProvider;
    private readonly RuntimeMetrics _metrics;
    private readonly ExponentialBackoff<TKey> _backoff;
    private readonly TimeSpan _maxDelay;

    // Timers reject due times beyond uint.MaxValue - 1 ms (about 49.7 days); stay well inside that.
    private static readonly TimeSpan LongestTimer = TimeSpan.FromDays(30);
    private bool _shuttingDown;

    public WorkQueue(WorkQueueOptions options, TimeProvider timeProvider, RuntimeMetrics metrics, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(metrics);
        Name = options.Name;
        _timeProvider = timeProvider;
        _metrics = metrics;
        _backoff = new ExponentialBackoff<TKey>(options, new Jitter(random ?? Random.Shared));
        _maxDelay = options.MaxDelay > TimeSpan.Zero && options.MaxDelay < LongestTimer ? options.MaxDelay : LongestTimer;
    }

    public string Name { get; }

    /// <summary>Keys waiting to be handed to a worker (not counting delayed or in-flight keys).</summary>
    public int Depth
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    public bool IsShuttingDown => Volatile.Read(ref _shuttingDown);

    public void Add(TKey key)
    {
        lock (_lock)
        {
            if (!TryEnqueueLocked(key))
            {
                return;
            }
        }

        _available.Release();
    }

    /// <summary>
    /// Adds the key after <paramref name="delay"/>, at most <see cref="WorkQueueOptions.MaxDelay"/>; a pending earlier due
    /// time wins. A zero or negative delay adds at once. Never throws for any delay.
    /// </summary>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        delay = delay < _maxDelay ? delay : _maxDelay;

        lock (_lock)
        {
            var due = _timeProvider.GetUtcNow() + delay;
            if (_shuttingDown || (_delayed.TryGetValue(key, out var pending) && pending.Due <= due))
            {
                return;
            }

            pending?.Timer?.Dispose();
            var entry = new DelayedAdd<TKey>(key, due);
            _delayed[key] = entry;
            // The callback takes the lock, so it cannot observe the entry before Timer is assigned.
            entry.Timer = _timeProvider.CreateTimer(OnDelayElapsed, entry, delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Re-adds a failed key after its per-key exponential backoff.</summary>
    public void AddRateLimited(TKey key)
    {
        _metrics.IncrementQueueRetries(Name);
        AddAfter(key, _backoff.NextDelay(key));
    }

    /// <summary>Resets the key's backoff; call after a successful reconcile.</summary>
    public void Forget(TKey key) => _backoff.Forget(key);

    public int NumRequeues(TKey key) => _backoff.Failures(key);

    /// <summary>Waits for a key. Returns null once the queue is shut down.</summary>
    public async Task<WorkQueueItem<TKey>?> GetAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdown.Token);
        try
        {
            await _available.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        lock (_lock)
        {
            if (_shuttingDown)
            {
                return null;
            }

            var key = _queue.Dequeue();
            _dirty.Remove(key);
            _processing.Add(key);
            PublishDepthLocked();
            return new WorkQueueItem<TKey>(key);
        }
    }

    /// <summary>Marks the key finished; if it was added meanwhile, it is queued again (once).</summary>
    public void Done(TKey key)
    {
        lock (_lock)
        {
            _processing.Remove(key);
            if (_shuttingDown || !_dirty.Contains(key))
            {
                return;
            }

            _queue.Enqueue(key);
            PublishDepthLocked();
        }

        _available.Release();
    }

    /// <summary>Stops accepting keys, drops delayed adds and releases every waiting worker.</summary>
    public void ShutDown()
    {
        lock (_lock)
        {
            if (_shuttingDown)
            {
                return;
            }

            Volatile.Write(ref _shuttingDown, true);
            foreach (var entry in _delayed.Values)
            {
                entry.Timer?.Dispose();
            }

            _delayed.Clear();
        }

        _shutdown.Cancel();
    }

    public void Dispose()
    {
        ShutDown();
        _shutdown.Dispose();
        _available.Dispose();
    }

    private bool TryEnqueueLocked(TKey key)
    {
        if (_shuttingDown || !_dirty.Add(key) || _processing.Contains(key))
        {
            return false;
        }

        _queue.Enqueue(key);
        PublishDepthLocked();
        return true;
    }

    private void OnDelayElapsed(object? state)
    {
        var entry = (DelayedAdd<TKey>)state!;
        lock (_lock)
        {
            // A later AddAfter with an earlier due time may have replaced this entry.
            if (!_delayed.TryGetValue(entry.Key, out var current) || !ReferenceEquals(current, entry))
            {
                return;
            }

            _delayed.Remove(entry.Key);
            entry.Timer?.Dispose();
        }

        Add(entry.Key);
    }

    private void PublishDepthLocked() => _metrics.SetQueueDepth(Name, _queue.Count);
}
