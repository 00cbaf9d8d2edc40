namespace RolloutOperator.Core.Plans;

public enum NotificationSinkKind
{
    Webhook,
    Slack,
    CloudEvents,

    /// <summary>A <c>spec.webhooks[]</c> entry of type <c>event</c>: every Event, fire-and-forget, never persisted.</summary>
    Event,
}
