using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using RolloutOperator.Controller.Outbound;
using RolloutOperator.Runtime.Informers;
using RolloutOperator.Runtime.Queue;

namespace RolloutOperator.Controller.Notifications;

/// <summary>
/// Delivers notifications off the reconcile path: a bounded channel (a full one drops, never waits) and background
/// workers that run only while this instance leads. A failed attempt is retried after a capped, jittered exponential
/// delay without holding a worker. Outbox deliveries are tracked per (Rollout, id, sink) so a reconcile never queues one
/// twice, and their outcome is handed back to the next reconcile, which the dispatcher asks for, to fold into status.
/// </summary>
internal sealed class NotificationDispatcher
{
    private const int MaxFired = 4096;
    private static readonly TimeSpan DropReportTimeout = TimeSpan.FromSeconds(10);
    private readonly IOutboundHttp _http;
    private readonly NotificationOptions _options;
    private readonly NotificationMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly Jitter _jitter;
    private readonly ILogger _logger;
    private readonly Channel<DeliveryJob> _channel;
    private readonly ConcurrentDictionary<(ObjectKey Key, SettledDelivery Delivery), bool> _tracked = new();
    private readonly ConcurrentDictionary<(ObjectKey Key, string Id), DateTimeOffset> _fired = new();
    private readonly FailureEventLimiter _failureEvents;
    private NotificationFeedback _feedback = NotificationFeedback.None;
    private int _depth;

    public NotificationDispatcher(IOutboundHttp http, NotificationOptions options, NotificationMetrics metrics, TimeProvider time, ILoggerFactory loggerFactory, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _jitter = new Jitter(random ?? Random.Shared);
        _logger = loggerFactory.CreateLogger<NotificationDispatcher>();
        _failureEvents = new FailureEventLimiter(options.FailureEventInterval, time);
        _channel = Channel.CreateBounded<DeliveryJob>(new BoundedChannelOptions(Math.Max(1, options.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
        });
    }

    public NotificationOptions Options => _options;

    /// <summary>Runs the workers until cancelled (the host cancels on shutdown or loss of leadership).</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, _options.Workers)).Select(_ => WorkAsync(cancellationToken)));

    /// <summary>How a settled delivery reaches the reconcile (a requeue) and a failure the Rollout's Events.</summary>
    internal void Connect(NotificationFeedback feedback) => _feedback = feedback;

    /// <summary>Queues an outbox delivery unless it is already queued or settled. False: the queue was full and it was dropped.</summary>
    internal bool Enqueue(DeliveryJob job)
    {
        if (!_tracked.TryAdd((job.Key, job.Delivery), false))
        {
            return true;
        }

        if (TryWrite(job))
        {
            return true;
        }

        Drop(job, "the delivery queue is full");
        return false;
    }

    /// <summary>Fire-and-forget for event webhooks: an identical Event within the dedupe window is sent once.</summary>
    internal bool Fire(DeliveryJob job)
    {
        var now = _time.GetUtcNow();
        var key = (job.Key, job.Notification.Id);
        if (_fired.TryGetValue(key, out var at) && now - at < _options.EventHookDedupeWindow)
        {
            return true;
        }

        _fired[key] = now;
        if (_fired.Count > MaxFired)
        {
            PruneFired(now);
        }

        if (TryWrite(job))
        {
            return true;
        }

        Drop(job, "the delivery queue is full");
        return false;
    }

    /// <summary>Settles a delivery to a sink that no longer exists without sending anything.</summary>
    internal void Discard(ObjectKey key, SettledDelivery delivery)
    {
        if (_tracked.TryGetValue((key, delivery), out var settled) && settled)
        {
            return;
        }

        _tracked[(key, delivery)] = true;
        _feedback.Requeue(key);
    }

    /// <summary>Deliveries of this Rollout that will not be attempted again.</summary>
    internal IReadOnlySet<SettledDelivery> Settled(ObjectKey key) =>
        _tracked.Where(t => t.Key.Key == key && t.Value).Select(t => t.Key.Delivery).ToHashSet();

    /// <summary>Forgets settled deliveries whose notification has left the outbox (the status that says so is written).</summary>
    internal void Prune(ObjectKey key, IReadOnlySet<string> pending)
    {
        foreach (var entry in _tracked.Where(t => t.Key.Key == key && t.Value && !pending.Contains(t.Key.Delivery.Id)).ToList())
        {
            _tracked.TryRemove(entry.Key, out _);
        }
    }

    internal void Forget(ObjectKey key)
    {
        foreach (var entry in _tracked.Keys.Where(k => k.Key == key).ToList())
        {
            _tracked.TryRemove(entry, out _);
        }

        _failureEvents.Forget(key);
    }

    private bool TryWrite(DeliveryJob job)
    {
        if (!_channel.Writer.TryWrite(job))
        {
            return false;
        }

        _metrics.Depth(Interlocked.Increment(ref _depth));
        return true;
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (_channel.Reader.TryRead(out var job))
                {
                    _metrics.Depth(Interlocked.Decrement(ref _depth));
                    await DeliverAsync(job, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Leadership or the process ends: outbox deliveries stay pending in status for the next leader.
        }
    }

    private async Task DeliverAsync(DeliveryJob job, CancellationToken cancellationToken)
    {
        var attempt = job with { Attempts = job.Attempts + 1 };
        var response = await SendAsync(attempt, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccess)
        {
            _metrics.Count(job.Sink.Kind, NotificationMetrics.Delivered);
            NotificationLog.Delivered(_logger, job.Notification.Id, job.Sink.Name, job.Key.Namespace, job.Key.Name, attempt.Attempts);
            Settle(job);
            return;
        }

        var error = response.Error ?? $"HTTP {response.StatusCode}";
        NotificationLog.AttemptFailed(_logger, job.Notification.Id, job.Sink.Name, job.Key.Namespace, job.Key.Name, attempt.Attempts, error);
        if (attempt.Attempts < _options.MaxAttempts && Retryable(response))
        {
            _metrics.Count(job.Sink.Kind, NotificationMetrics.Retried);
            _ = RetryLaterAsync(attempt, cancellationToken);
            return;
        }

        _metrics.Count(job.Sink.Kind, NotificationMetrics.Failed);
        Settle(job);
        await ReportAsync(job, $"failed after {attempt.Attempts} attempt(s): {error}", cancellationToken).ConfigureAwait(false);
    }

    private async Task<OutboundResponse> SendAsync(DeliveryJob job, CancellationToken cancellationToken)
    {
        NotificationMessage message;
        try
        {
            message = NotificationPayloads.Build(job);
        }
        catch (ArgumentException e)
        {
            return OutboundResponse.Failed($"could not render the notification: {e.Message}");
        }

        var request = new OutboundRequest(job.Sink.Address, job.Key.Namespace)
        {
            Body = message.Body,
            ContentType = message.ContentType,
            Headers = [.. job.Sink.Headers, .. message.Headers],
            Timeout = job.Sink.Timeout,
            Retries = 0,
        };
        return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    // A 4xx other than 408/425/429 means the receiver refuses this request: sending it again changes nothing.
    private static bool Retryable(OutboundResponse response) =>
        response.StatusCode is null or >= 500 or 408 or 425 or 429;

    private async Task RetryLaterAsync(DeliveryJob job, CancellationToken cancellationToken)
    {
        var delay = Backoff.Exponential(job.Attempts - 1, _options.RetryBaseDelay, _options.RetryMaxDelay, _options.JitterFactor, _jitter.NextDouble());
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (!TryWrite(job))
        {
            Drop(job, "the delivery queue is full");
        }
    }

    private void Drop(DeliveryJob job, string why)
    {
        _metrics.Count(job.Sink.Kind, NotificationMetrics.Dropped);
        NotificationLog.Dropped(_logger, job.Notification.Id, job.Sink.Name, job.Key.Namespace, job.Key.Name, why);
        Settle(job);
        _ = ReportDropAsync(job, why);
    }

    // Drops happen on synchronous paths (a reconcile's enqueue) with no token to hand on: the Event write is bounded by
    // a timeout of its own instead, so a hung API server cannot keep it alive past shutdown.
    private async Task ReportDropAsync(DeliveryJob job, string why)
    {
        using var timeout = new CancellationTokenSource(DropReportTimeout, _time);
        try
        {
            await ReportAsync(job, $"dropped: {why}", timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            NotificationLog.Dropped(_logger, job.Notification.Id, job.Sink.Name, job.Key.Namespace, job.Key.Name, "its Warning Event timed out");
        }
    }

    private void Settle(DeliveryJob job)
    {
        if (!job.Persisted)
        {
            return;
        }

        _tracked[(job.Key, job.Delivery)] = true;
        _feedback.Requeue(job.Key);
    }

    private async Task ReportAsync(DeliveryJob job, string what, CancellationToken cancellationToken)
    {
        if (!_failureEvents.ShouldReport(job.Key, job.Sink.Name))
        {
            return;
        }

        var message = $"notification {job.Notification.Id} ({job.Notification.Reason}) to sink {job.Sink.Name} ({job.Sink.Kind.ToString().ToLowerInvariant()}) {what}";
        await _feedback.ReportAsync(job.Key, job.Rollout, message, cancellationToken).ConfigureAwait(false);
    }

    private void PruneFired(DateTimeOffset now)
    {
        foreach (var (key, at) in _fired)
        {
            if (now - at >= _options.EventHookDedupeWindow)
            {
                _fired.TryRemove(key, out _);
            }
        }
    }
}
