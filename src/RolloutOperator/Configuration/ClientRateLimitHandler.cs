using System.Threading.RateLimiting;
using RolloutOperator.Runtime.Controllers;

namespace RolloutOperator.Configuration;

/// <summary>
/// QPS/burst limit for the Kubernetes client, like client-go's: a token bucket that makes requests wait rather than
/// fail. Watches are exempt: they are long-lived and opened rarely, and a watch queued behind writes would stall a cache.
/// Requests of a reconcile that took its key from the work queue's priority lane (a Rollout whose spec changed and that
/// nobody acted on yet) draw from a bucket of their own, of the same size: a new revision's first actions never queue
/// behind routine status writes and Events. The client can therefore exceed qps only while new revisions are starting.
/// </summary>
internal sealed class ClientRateLimitHandler : DelegatingHandler
{
    private readonly TokenBucketRateLimiter _limiter;
    private readonly TokenBucketRateLimiter _priorityLimiter;

    public ClientRateLimitHandler(double qps, int burst)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(qps);
        _limiter = Bucket(qps, burst);
        _priorityLimiter = Bucket(qps, burst);
    }

    private static TokenBucketRateLimiter Bucket(double qps, int burst) =>
        new(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, burst),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1 / qps),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri?.Query.Contains("watch=true", StringComparison.OrdinalIgnoreCase) == true)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var limiter = ReconcilePriority.IsPriority ? _priorityLimiter : _limiter;
        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _limiter.Dispose();
            _priorityLimiter.Dispose();
        }

        base.Dispose(disposing);
    }
}
