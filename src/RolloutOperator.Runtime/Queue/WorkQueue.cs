using System.Diagnostics.CodeAnalysis;
using RolloutOperator.Runtime.Metrics;

namespace RolloutOperator.Runtime.Queue;

/// <summary>
/// A fair, stingy work queue. Invariants: a key is queued at most once (duplicate adds collapse);
/// a key is handed to at most one worker at a time; an add while the key is being processed marks it
/// dirty and it is queued once more when the worker calls <see cref="Done"/>.
/// Two lanes: keys added with <see cref="AddPriority"/> are handed out before every routine key, so a change a user just
/// made never waits behind a backlog of routine work (status echoes, retries, child updates). A wake-up the reconciler
/// asked for (<see cref="Reschedule"/>: a pause that ends, a measurement that is due) is a deadline, so it too joins the
/// priority lane when it comes due. A routine key that is raised to priority moves to the priority lane; each lane is FIFO.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "It is a queue; the name says what it is for.")]
public sealed class WorkQueue<TKey> : IDisposable
    where TKey : notnull
{
    private readonly Lock _lock = new();
    // Both lanes may hold stale entries (a key raised to priority stays in the routine lane; a key handed out stays in
    // the other lane): an entry is live only while its key is waiting, i.e. dirty and not processing. Every waiting key
    // has at least one entry, and _available counts waiting keys, so a worker that got the semaphore always finds one.
    private readonly Queue<TKey> _queue = new();
    private readonly Queue<TKey> _priorityQueue = new();
    private readonly HashSet<TKey> _dirty = [];
    private readonly HashSet<TKey> _urgent = [];
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
    private int _waiting;

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
                return _waiting;
            }
        }
    }

    public bool IsShuttingDown => Volatile.Read(ref _shuttingDown);

    public void Add(TKey key) => Add(key, priority: false);

    /// <summary>
    /// Adds the key to the priority lane: it is handed out before every routine key. A key already waiting in the routine
    /// lane moves up; a key being processed is queued in the priority lane when it is done.
    /// </summary>
    public void AddPriority(TKey key) => Add(key, priority: true);

    /// <summary>Adds the key to the lane <paramref name="priority"/> names (see <see cref="AddPriority"/>).</summary>
    public void Add(TKey key, bool priority)
    {
        lock (_lock)
        {
            if (!TryEnqueueLocked(key, priority))
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
    public void AddAfter(TKey key, TimeSpan delay) => AddAfter(key, delay, priority: false);

    private void AddAfter(TKey key, TimeSpan delay, bool priority)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key, priority);
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
            var entry = new DelayedAdd<TKey>(key, due, priority || pending?.Priority == true);
            _delayed[key] = entry;
            // The callback takes the lock, so it cannot observe the entry before Timer is assigned.
            entry.Timer = _timeProvider.CreateTimer(OnDelayElapsed, entry, delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// Replaces whatever delayed add the key has with <paramref name="delay"/> (none when null). For the result of a
    /// successful reconcile: it recomputed every wait from the whole state, so a wake-up an earlier reconcile asked for (a
    /// progress deadline that no longer applies, a retry after an error that has since cleared) is obsolete, and keeping it
    /// would cost one reconcile that changes nothing. The key joins the priority lane when the delay is over: the time was
    /// chosen by the reconciler (a pause's end), and lateness there is what users see.
    /// </summary>
    public void Reschedule(TKey key, TimeSpan? delay)
    {
        lock (_lock)
        {
            if (_delayed.Remove(key, out var pending))
            {
                pending.Timer?.Dispose();
            }
        }

        if (delay is { } after)
        {
            AddAfter(key, after, priority: true);
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

            var priority = TryTakeLocked(_priorityQueue, out var key);
            if (!priority && !TryTakeLocked(_queue, out key))
            {
                throw new InvalidOperationException("work queue invariant broken: a worker was released but no key waits");
            }

            _dirty.Remove(key);
            _urgent.Remove(key);
            _processing.Add(key);
            _waiting--;
            PublishDepthLocked();
            return new WorkQueueItem<TKey>(key, priority);
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

            (_urgent.Contains(key) ? _priorityQueue : _queue).Enqueue(key);
            _waiting++;
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

    /// <summary>Returns true when a new waiting key was queued (the caller then releases one worker).</summary>
    private bool TryEnqueueLocked(TKey key, bool priority)
    {
        if (_shuttingDown)
        {
            return false;
        }

        var added = _dirty.Add(key);
        var raised = priority && _urgent.Add(key);
        if (_processing.Contains(key))
        {
            // Queued by Done, in the lane _urgent says.
            return false;
        }

        if (raised)
        {
            _priorityQueue.Enqueue(key);
        }
        else if (added)
        {
            _queue.Enqueue(key);
        }

        if (!added)
        {
            return false;
        }

        _waiting++;
        PublishDepthLocked();
        return true;
    }

    /// <summary>Takes the first live entry of a lane, dropping stale ones (see the lane fields).</summary>
    private bool TryTakeLocked(Queue<TKey> lane, out TKey key)
    {
        while (lane.TryDequeue(out key!))
        {
            if (_dirty.Contains(key) && !_processing.Contains(key))
            {
                return true;
            }
        }

        return false;
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

        Add(entry.Key, entry.Priority);
    }

    private void PublishDepthLocked() => _metrics.SetQueueDepth(Name, _waiting);
}
