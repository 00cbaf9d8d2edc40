using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Notifications;

/// <summary>
/// One notification to one sink. <see cref="Persisted"/>: it is in the Rollout's outbox and its outcome is folded into
/// status by the next reconcile; event webhooks are fire-and-forget and are not.
/// </summary>
internal sealed record DeliveryJob(ObjectKey Key, RolloutIdentity Rollout, PendingNotification Notification, NotificationSinkPlan Sink, bool Persisted)
{
    /// <summary>The trigger this sink receives the notification for: the first of the notification's triggers it subscribed to.</summary>
    /// <summary>The Rollout's state when an event webhook's Event was recorded (null for outbox notifications).</summary>
    public EventHookState? Hook { get; init; }

    /// <summary>Attempts made so far.</summary>
    public int Attempts { get; init; }

    public SettledDelivery Delivery => new(Notification.Id, Sink.Name);

    public string? Trigger => Notification.Triggers.FirstOrDefault(Sink.Triggers.Contains) ?? Notification.Triggers.FirstOrDefault();
}
