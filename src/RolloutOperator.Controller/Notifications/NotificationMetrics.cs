using Prometheus;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Notifications;

/// <summary>
/// <c>rollout_notifications_total{sink,result}</c>: one count per delivery outcome (delivered, retried, failed, dropped)
/// by sink kind (webhook, slack, cloudevents, event); sink names are the users' and would make the label unbounded.
/// <c>rollout_notifications_queue_depth</c>: deliveries waiting for a worker.
/// </summary>
internal sealed class NotificationMetrics
{
    public const string Delivered = "delivered";
    public const string Retried = "retried";
    public const string Failed = "failed";
    public const string Dropped = "dropped";

    private readonly Counter _total;
    private readonly Gauge _depth;

    public NotificationMetrics(CollectorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _total = factory.CreateCounter("rollout_notifications_total", "Notification deliveries by sink kind and result (delivered, retried, failed, dropped).", "sink", "result");
        _depth = factory.CreateGauge("rollout_notifications_queue_depth", "Notification deliveries waiting for a worker.");
    }

    internal void Count(NotificationSinkKind kind, string result) => _total.WithLabels(kind.ToString().ToLowerInvariant(), result).Inc();

    internal double Value(NotificationSinkKind kind, string result) => _total.WithLabels(kind.ToString().ToLowerInvariant(), result).Value;

    internal void Depth(int depth) => _depth.Set(depth);
}
