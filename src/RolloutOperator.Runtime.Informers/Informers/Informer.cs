using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using RolloutOperator.Runtime.Health;
using RolloutOperator.Runtime.Metrics;
using RolloutOperator.Runtime.Queue;

namespace RolloutOperator.Runtime.Informers;

/// <summary>
/// Keeps a shared cache of one resource in sync with the API server across one or more
/// list-watch scopes (e.g. one per namespace), and notifies handlers of changes.
/// </summary>
public sealed class Informer<T> : IInformerHealth
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ObjectCache<T> _cache = new();
    private readonly CacheWriter<T> _writer;
    private readonly IReadOnlyList<InformerLoop<T>> _loops;
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    public Informer(
        string name,
        IReadOnlyList<IListWatch<T>> listWatches,
        InformerOptions options,
        TimeProvider timeProvider,
        IInformerMetrics metrics,
        ILogger logger,
        Random? random = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(listWatches);
        ArgumentOutOfRangeException.ThrowIfZero(listWatches.Count);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        ValidateScopes(listWatches);
        Name = name;
        LivenessTimeout = options.LivenessTimeout;
        _writer = new CacheWriter<T>(_cache, name, logger);
        var jitter = new Jitter(random ?? Random.Shared);
        _loops = listWatches
            .Select(lw => new InformerLoop<T>(lw, _writer, options, timeProvider, metrics, logger, jitter, OnLoopSynced))
            .ToList();
    }

    public string Name { get; }

    /// <summary>The shared, read-only cache. Clone objects before mutating them.</summary>
    public IObjectCache<T> Cache => _cache;

    public bool HasSynced => _loops.All(loop => loop.HasSynced);

    /// <summary>Oldest last successful list/watch activity across scopes.</summary>
    public DateTimeOffset LastActivity => _loops.Min(loop => loop.LastActivity);

    public TimeSpan LivenessTimeout { get; }

    /// <summary>Registers a handler. Only before <see cref="RunAsync"/>, so no event is missed.</summary>
    public void AddHandler(IInformerHandler<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (Volatile.Read(ref _started) != 0)
        {
            throw new InvalidOperationException("Handlers must be added before the informer starts.");
        }

        _writer.AddHandler(handler);
    }

    /// <summary>
    /// Registers a callback for objects that exist on the server but cannot be decoded (they are kept out of the cache).
    /// Only before <see cref="RunAsync"/>. Called on the informer's loop: be quick and thread-safe.
    /// </summary>
    public void AddUndecodableHandler(Action<UndecodableObject> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (Volatile.Read(ref _started) != 0)
        {
            throw new InvalidOperationException("Handlers must be added before the informer starts.");
        }

        _writer.AddUndecodableHandler(handler);
    }

    /// <summary>
    /// Registers a transform that every listed or watched object passes through before it enters the cache or reaches
    /// a handler (e.g. to drop fields no reader needs, so the cache stays small). Transforms run in registration order on
    /// the informer's loop. Only before <see cref="RunAsync"/>, so no object is cached untransformed.
    /// A transform must return the object to cache and leave its input unchanged: build a new object that shares the
    /// parts it keeps (list-watch sources other than the API server may hand the same instance out more than once).
    /// It must keep the namespace, name, resourceVersion and ownerReferences: the cache is keyed and indexed by them, and
    /// a relist skips objects whose resourceVersion it already holds.
    /// </summary>
    public void AddTransform(Func<T, T> transform)
    {
        ArgumentNullException.ThrowIfNull(transform);
        if (Volatile.Read(ref _started) != 0)
        {
            throw new InvalidOperationException("Transforms must be added before the informer starts.");
        }

        _writer.AddTransform(transform);
    }

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>Runs every list-watch loop until the token is cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The informer is already running.");
        }

        return Task.WhenAll(_loops.Select(loop => Task.Run(() => loop.RunAsync(cancellationToken), CancellationToken.None)));
    }

    private void OnLoopSynced()
    {
        if (HasSynced)
        {
            _synced.TrySetResult();
        }
    }

    private static void ValidateScopes(IReadOnlyList<IListWatch<T>> listWatches)
    {
        // Scopes must not overlap: each loop's relist deletes cached keys of its scope that it did not list.
        var scopes = listWatches.Select(lw => lw.NamespaceScope).ToList();
        if ((scopes.Contains(null) && scopes.Count > 1) || scopes.Distinct().Count() != scopes.Count)
        {
            throw new ArgumentException("List-watch namespace scopes must be distinct and not overlap.", nameof(listWatches));
        }
    }
}
