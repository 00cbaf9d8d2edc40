using k8s;
using k8s.Models;

namespace RolloutOperator.Runtime.Informers;

/// <summary>
/// One watch request with a jittered server timeout and a client watchdog: KubernetesClient never
/// times a watch out, so a half-dead connection would otherwise stall the informer forever.
/// </summary>
internal sealed class WatchSession<T>
    where T : IKubernetesObject<V1ObjectMeta>
{
    private readonly IListWatch<T> _listWatch;
    private readonly TimeProvider _timeProvider;
    private readonly Action<WatchEvent<T>> _apply;
    private readonly Action _onActivity;
    private readonly int _timeoutSeconds;
    private static readonly TimeSpan MinHealthyEmptyWatch = TimeSpan.FromSeconds(1);
    private volatile bool _watchdogFired;

    public WatchSession(
        IListWatch<T> listWatch,
        InformerOptions options,
        TimeProvider timeProvider,
        Queue.Jitter jitter,
        Action<WatchEvent<T>> apply,
        Action onActivity)
    {
        _listWatch = listWatch;
        _timeProvider = timeProvider;
        _apply = apply;
        _onActivity = onActivity;
        var min = options.MinWatchTimeout.TotalSeconds;
        var max = Math.Max(min, options.MaxWatchTimeout.TotalSeconds);
        _timeoutSeconds = Math.Max(1, (int)(min + ((max - min) * jitter.NextDouble())));
        IdleTimeout = TimeSpan.FromSeconds(_timeoutSeconds) + options.WatchdogGrace;
    }

    public TimeSpan IdleTimeout { get; }

    /// <summary>The first error reported through the watch's onError callback, if any.</summary>
    public Exception? Error { get; private set; }

    public async Task<WatchOutcome> RunAsync(string resourceVersion, CancellationToken cancellationToken)
    {
        using var watchCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var watchdog = _timeProvider.CreateTimer(
            _ => FireWatchdog(watchCts), null, IdleTimeout, Timeout.InfiniteTimeSpan);
        var started = _timeProvider.GetTimestamp();
        var sawEvents = false;
        try
        {
            var events = _listWatch.WatchAsync(resourceVersion, _timeoutSeconds, OnError, watchCts.Token);
            await foreach (var watchEvent in events.ConfigureAwait(false))
            {
                watchdog.Change(IdleTimeout, Timeout.InfiniteTimeSpan);
                _onActivity();
                sawEvents = true;
                _apply(watchEvent);
            }
        }
        catch (OperationCanceledException) when (_watchdogFired && !cancellationToken.IsCancellationRequested)
        {
            return WatchOutcome.Watchdog;
        }
        catch (HttpRequestException ex) when (!sawEvents && IsEndOfStream(ex))
        {
            // KubernetesClient 21 peeks the first line of a watch response; a watch the server closes before its
            // first event (a quiet resource at its timeout, a dropped watch) surfaces as EndOfStream. It is a close.
        }

        return Classify(sawEvents, _timeProvider.GetElapsedTime(started));
    }

    private WatchOutcome Classify(bool sawEvents, TimeSpan elapsed)
    {
        if (KubernetesErrors.IsExpired(Error))
        {
            return WatchOutcome.Expired;
        }

        if (Error is not null)
        {
            return WatchOutcome.Error;
        }

        // A quiet resource legitimately ends a watch at the server timeout with no events; an empty
        // watch that ends at once, though, points at a misbehaving server and must not hot-loop.
        if (!sawEvents && elapsed < MinHealthyEmptyWatch)
        {
            return WatchOutcome.ClosedEmpty;
        }

        _onActivity();
        return WatchOutcome.Closed;
    }

    private static bool IsEndOfStream(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is EndOfStreamException)
            {
                return true;
            }
        }

        return false;
    }

    // Called by the client when a Status event (e.g. 410 Expired) or an undecodable line arrives.
    private void OnError(Exception exception) => Error ??= exception;

    private void FireWatchdog(CancellationTokenSource watchCts)
    {
        _watchdogFired = true;
        try
        {
            watchCts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The session already ended.
        }
    }
}
