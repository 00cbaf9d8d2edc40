using System.Net;
using System.Threading.RateLimiting;
using RolloutOperator.Runtime.Controllers;

namespace RolloutOperator.Configuration;

/// <summary>
/// QPS/burst limit for the Kubernetes client, like client-go's: a token bucket that makes requests wait rather than
/// fail. Watches are exempt: they are long-lived and opened rarely, and a watch queued behind writes would stall a cache.
/// Requests of a reconcile that took its key from the work queue's priority lane (a Rollout whose spec changed and that
/// nobody acted on yet, or whose wake-up time came due) draw from a bucket of their own, of the same size: a new
/// revision's first actions and a pause that ends never queue behind routine status writes.
/// Events draw from a third bucket of the same size and never from the others, so an Event can never delay a write.
/// Events are best-effort: when so many already wait that one would wait longer than the burst takes to refill, it is
/// answered 429 at once without being sent (the recorder drops it), rather than hold its reconcile's worker.
/// </summary>
internal sealed class ClientRateLimitHandler : DelegatingHandler
{
    // Refill a few times a second rather than one token every 1/qps: a timer firing at qps Hz per bucket costs CPU for
    // nothing, and a tenth of a second of tokens at once is no burst worth the name.
    private static readonly TimeSpan RefillPeriod = TimeSpan.FromMilliseconds(100);
    private readonly TokenBucketRateLimiter _limiter;
    private readonly TokenBucketRateLimiter _priorityLimiter;
    private readonly TokenBucketRateLimiter _eventLimiter;
    private long _droppedEvents;

    public ClientRateLimitHandler(double qps, int burst)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(qps);
        _limiter = Bucket(qps, burst, int.MaxValue);
        _priorityLimiter = Bucket(qps, burst, int.MaxValue);
        _eventLimiter = Bucket(qps, burst, Math.Max(1, burst));
    }

    /// <summary>Events answered 429 by this handler without being sent.</summary>
    public long DroppedEvents => Interlocked.Read(ref _droppedEvents);

    private static TokenBucketRateLimiter Bucket(double qps, int burst, int queueLimit)
    {
        var tokens = Math.Max(1, (int)Math.Round(qps * RefillPeriod.TotalSeconds));
        return new(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, burst),
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokens / qps),
            QueueLimit = queueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary>
    /// events.k8s.io/v1 and core/v1 Events, by path segments (a server URL may carry a path prefix, and a namespace may be
    /// called "events-…": neither may turn a write into a droppable Event).
    /// </summary>
    internal static bool IsEvent(Uri? uri)
    {
        var segments = (uri?.AbsolutePath ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < segments.Length; i++)
        {
            if (segments[i] == "apis" && segments[i + 1] == "events.k8s.io")
            {
                return true;
            }

            if (segments[i] == "api" && segments[i + 1] == "v1")
            {
                var rest = segments.AsSpan(i + 2);
                return (rest.Length >= 1 && rest[0] == "events") || (rest.Length >= 3 && rest[0] == "namespaces" && rest[2] == "events");
            }
        }

        return false;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri?.Query.Contains("watch=true", StringComparison.OrdinalIgnoreCase) == true)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var isEvent = IsEvent(request.RequestUri);
        var limiter = isEvent ? _eventLimiter : ReconcilePriority.IsPriority ? _priorityLimiter : _limiter;
        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired && isEvent)
        {
            Interlocked.Increment(ref _droppedEvents);
            return new HttpResponseMessage(HttpStatusCode.TooManyRequests)
            {
                RequestMessage = request,
                ReasonPhrase = "client-side event rate limit",
                Content = new StringContent("""{"kind":"Status","apiVersion":"v1","status":"Failure","message":"event dropped: client-side event rate limit","reason":"TooManyRequests","code":429}"""),
            };
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _limiter.Dispose();
            _priorityLimiter.Dispose();
            _eventLimiter.Dispose();
        }

        base.Dispose(disposing);
    }
}
