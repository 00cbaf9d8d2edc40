using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Notifications;

/// <summary>The folded outbox and the notifications that had to be dropped because it was full.</summary>
internal sealed record OutboxResult(NotificationStatus? Status, IReadOnlyList<PendingNotification> Dropped);
