using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Notifications;

/// <summary>Operator-wide notification settings: the default sinks a platform team configures and the delivery limits.</summary>
public sealed class NotificationOptions
{
    /// <summary>Sinks every Rollout delivers to unless it sets <c>inheritDefaults: false</c> or replaces one by name.</summary>
    public IReadOnlyList<NotificationSinkPlan> Defaults { get; init; } = [];

    /// <summary>Deliveries waiting for a worker; when full, a new one is dropped (metric and Warning Event), never waited for.</summary>
    public int QueueCapacity { get; init; } = 512;

    public int Workers { get; init; } = 4;

    /// <summary>Attempts per delivery, the first included.</summary>
    public int MaxAttempts { get; init; } = 5;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of a retry delay that jitter may take off, so retries of many Rollouts do not align.</summary>
    public double JitterFactor { get; init; } = 0.5;

    /// <summary>At most one NotificationFailed Event per Rollout and sink within this time.</summary>
    public TimeSpan FailureEventInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>An identical Event delivered to an event webhook again within this time is not sent twice.</summary>
    public TimeSpan EventHookDedupeWindow { get; init; } = TimeSpan.FromMinutes(10);
}
