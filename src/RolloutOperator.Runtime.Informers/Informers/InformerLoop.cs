using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using RolloutOperator.Runtime.Metrics;
using RolloutOperator.Runtime.Queue;

namespace RolloutOperator.Runtime.Informers;

/// <summary>
/// list → watch → (relist on 410) for one list-watch scope. Watches resume from the last seen
/// resourceVersion; only an expiry forces a full relist.
/// </summary>
internal sealed class InformerLoop<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IListWatch<T> _listWatch;
    private readonly CacheWriter<T> _writer;
    private readonly InformerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly IInformerMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Jitter _jitter;
    private readonly Action _onSynced;
    private string? _resourceVersion;
    private long _lastActivityTicks;
    private int _failures;

    public InformerLoop(
        IListWatch<T> listWatch,
        CacheWriter<T> writer,
        InformerOptions options,
        TimeProvider timeProvider,
        IInformerMetrics metrics,
        ILogger logger,
        Jitter jitter,
        Action onSynced)
    {
        _listWatch = listWatch;
        _writer = writer;
        _options = options;
        _timeProvider = timeProvider;
        _metrics = metrics;
        _logger = logger;
        _jitter = jitter;
        _onSynced = onSynced;
        MarkActivity();
    }

    public bool HasSynced { get; private set; }

    public DateTimeOffset LastActivity => new(Interlocked.Read(ref _lastActivityTicks), TimeSpan.Zero);

    private string Resource => _listWatch.Description;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ListAndWatchAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (KubernetesErrors.IsExpired(ex))
            {
                // A 410 as the HTTP status (watch or stale continue token) means the same as the
                // in-stream 410: relist now; waiting would not make the version any less stale.
                OnExpired();
            }
#pragma warning disable CA1031 // Any list/watch failure is retried with backoff; the loop must outlive it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                await BackOffAsync(ex, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ListAndWatchAsync(CancellationToken cancellationToken)
    {
        if (_resourceVersion is null)
        {
            await ListAsync(cancellationToken).ConfigureAwait(false);
        }

        var session = new WatchSession<T>(_listWatch, _options, _timeProvider, _jitter, Apply, MarkActivity);
        var outcome = await session.RunAsync(_resourceVersion!, cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case WatchOutcome.Expired:
                OnExpired();
                break;
            case WatchOutcome.Watchdog:
                InformerLog.WatchdogFired(_logger, Resource, session.IdleTimeout);
                _metrics.IncrementWatchRestarts(Resource, nameof(WatchOutcome.Watchdog));
                break;
            case WatchOutcome.Closed:
                InformerLog.WatchEnded(_logger, Resource, outcome);
                _metrics.IncrementWatchRestarts(Resource, nameof(WatchOutcome.Closed));
                _failures = 0;
                break;
            default:
                // An error event or a watch that closed without delivering anything: back off so a
                // misbehaving server cannot drive us into a hot reconnect loop.
                throw session.Error ?? new InvalidOperationException($"Watch of {Resource} closed without events.");
        }
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        var items = new List<T>();
        var undecodable = new List<UndecodableObject>();
        string? continueToken = null;
        string resourceVersion;
        do
        {
            var page = await _listWatch.ListAsync(_options.PageSize, continueToken, cancellationToken)
                .ConfigureAwait(false);
            items.AddRange(page.Items);
            undecodable.AddRange(page.Undecodable);
            resourceVersion = page.ResourceVersion;
            continueToken = page.Continue;
        }
        while (continueToken is not null);

        // Undecodable objects are not listed, so Replace drops any older version of them from the cache.
        _writer.Replace(_listWatch.NamespaceScope, items);
        undecodable.ForEach(_writer.Undecodable);
        _resourceVersion = resourceVersion;
        MarkActivity();
        InformerLog.Listed(_logger, items.Count, Resource, resourceVersion);
        if (!HasSynced)
        {
            HasSynced = true;
            _onSynced();
        }
    }

    private void Apply(WatchEvent<T> watchEvent)
    {
        if (watchEvent.Undecodable is { } undecodable)
        {
            _writer.Undecodable(undecodable with { Deleted = watchEvent.Type == WatchEventType.Deleted });
            if (undecodable.ResourceVersion is { Length: > 0 } skipped)
            {
                _resourceVersion = skipped;
            }

            return;
        }

        switch (watchEvent.Type)
        {
            case WatchEventType.Added:
            case WatchEventType.Modified:
                _writer.Upsert(watchEvent.Object);
                break;
            case WatchEventType.Deleted:
                _writer.Delete(watchEvent.Object);
                break;
        }

        if (watchEvent.Object?.Metadata?.ResourceVersion is { Length: > 0 } resourceVersion)
        {
            _resourceVersion = resourceVersion;
        }
    }

    private void OnExpired()
    {
        InformerLog.Expired(_logger, Resource);
        _metrics.IncrementWatchRestarts(Resource, nameof(WatchOutcome.Expired));
        _resourceVersion = null;
        _failures = 0;
    }

    private async Task BackOffAsync(Exception error, CancellationToken cancellationToken)
    {
        _metrics.IncrementWatchRestarts(Resource, nameof(WatchOutcome.Error));
        var delay = Backoff.Exponential(
            _failures++, _options.InitialRetryDelay, _options.MaxRetryDelay, 0.5, _jitter.NextDouble());
        InformerLog.Failed(_logger, error, Resource, delay);
        try
        {
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutdown; RunAsync sees the token and returns.
        }
    }

    private void MarkActivity() =>
        Interlocked.Exchange(ref _lastActivityTicks, _timeProvider.GetUtcNow().UtcTicks);
}
