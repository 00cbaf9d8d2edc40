namespace RolloutOperator.Core.Api;

[Description("Notification delivery state: the outbox of notifications not yet delivered and the ids recently settled, so an operator restart neither loses nor repeats one.")]
public sealed record NotificationStatus
{
    [Description("Notifications recorded so far; part of each notification's id.")]
    public long? Sequence { get; init; }

    [Description("Notifications recorded but not yet delivered to every sink.")]
    [MaxLength(16)]
    [ListMapKeys("id")]
    public List<PendingNotification>? Pending { get; init; }

    [Description("Ids of the most recent settled notifications (delivered, or given up after the last retry), newest last.")]
    [MaxLength(32)]
    [AtomicList]
    public List<string>? Delivered { get; init; }
}
