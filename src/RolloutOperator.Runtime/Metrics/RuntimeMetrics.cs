using Prometheus;

namespace RolloutOperator.Runtime.Metrics;

/// <summary>
/// All runtime metric families, registered into a caller-supplied registry so tests (and several
/// operators in one process) stay isolated from <see cref="Prometheus.Metrics.DefaultRegistry"/>.
/// </summary>
public sealed class RuntimeMetrics : IInformerMetrics
{
    private readonly Counter _reconcileTotal;
    private readonly Histogram _reconcileDuration;
    private readonly Gauge _queueDepth;
    private readonly Counter _queueRetries;
    private readonly Counter _apiRequests;
    private readonly Counter _apiWrites;
    private readonly Gauge _isLeader;
    private readonly Counter _watchRestarts;

    public RuntimeMetrics(CollectorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _reconcileTotal = factory.CreateCounter(
            "controller_reconcile_total", "Reconciles by controller and result.", "controller", "result");
        _reconcileDuration = factory.CreateHistogram(
            "controller_reconcile_duration_seconds",
            "Reconcile duration by controller.",
            new HistogramConfiguration
            {
                LabelNames = ["controller"],
                Buckets = Histogram.ExponentialBuckets(0.005, 2, 14),
            });
        _queueDepth = factory.CreateGauge("workqueue_depth", "Keys waiting in the work queue.", "queue");
        _queueRetries = factory.CreateCounter(
            "workqueue_retries_total", "Rate-limited re-adds of failed keys.", "queue");
        _apiRequests = factory.CreateCounter(
            "kubernetes_api_requests_total", "Kubernetes API requests by verb and status code.", "verb", "code");
        _apiWrites = factory.CreateCounter(
            "kubernetes_api_writes_total",
            "Kubernetes API write requests (create, update, patch, delete) sent, by resource (with its subresource, e.g. rollouts/status).",
            "resource");
        _isLeader = factory.CreateGauge("leader_election_is_leader", "1 while this instance holds the lease.");
        _watchRestarts = factory.CreateCounter(
            "informer_watch_restarts_total", "Informer watch restarts by resource and reason.", "resource", "reason");
    }

    /// <summary>A metrics sink backed by a private registry, for callers that do not scrape.</summary>
    public static RuntimeMetrics CreateIsolated() => new(Prometheus.Metrics.NewCustomRegistry());

    public void RecordReconcile(string controller, string result, TimeSpan duration)
    {
        _reconcileTotal.WithLabels(controller, result).Inc();
        _reconcileDuration.WithLabels(controller).Observe(duration.TotalSeconds);
    }

    public void SetQueueDepth(string queue, int depth) => _queueDepth.WithLabels(queue).Set(depth);

    public void IncrementQueueRetries(string queue) => _queueRetries.WithLabels(queue).Inc();

    public void RecordApiRequest(string verb, string code) => _apiRequests.WithLabels(verb, code).Inc();

    public void RecordApiWrite(string resource) => _apiWrites.WithLabels(resource).Inc();

    public void SetLeader(bool isLeader) => _isLeader.Set(isLeader ? 1 : 0);

    public void IncrementWatchRestarts(string resource, string reason) =>
        _watchRestarts.WithLabels(resource, reason).Inc();
}
