using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Notifications;

/// <summary>
/// The Rollout's notification outbox in <c>status.notifications</c>, folded in the status patch the reconcile writes
/// anyway: settled deliveries leave <c>pending</c> (their id joins the bounded <c>delivered</c> list once every sink is
/// done), and the decision's events that match a sink's triggers join it. Pure: the same inputs give the same status.
/// </summary>
internal static class NotificationOutbox
{
    public const int MaxPending = 16;
    public const int MaxDelivered = 32;
    public const int MaxMessage = 1024;

    public static OutboxResult Fold(
        RolloutIdentity rollout,
        NotificationStatus? before,
        IReadOnlySet<SettledDelivery> settled,
        IEnumerable<RolloutEvent> events,
        IReadOnlyList<NotificationSinkPlan> sinks,
        EventContext context)
    {
        var delivered = new List<string>(before?.Delivered ?? []);
        var pending = Settle(before?.Pending ?? [], settled, delivered);
        var sequence = before?.Sequence ?? 0;
        foreach (var rolloutEvent in events)
        {
            var triggers = NotificationTriggers.For(rolloutEvent);
            var targets = sinks.Where(s => s.Kind != NotificationSinkKind.Event && s.Triggers.Overlaps(triggers)).Select(s => s.Name).ToList();
            if (targets.Count == 0)
            {
                continue;
            }

            var id = NotificationIds.For(rollout.Uid, context.Revision, rolloutEvent.Reason, context.Step, sequence++);
            if (!delivered.Contains(id) && pending.All(p => p.Id != id))
            {
                pending.Add(Pending(id, rolloutEvent, triggers, targets, context));
            }
        }

        var dropped = pending.Count > MaxPending ? pending.Take(pending.Count - MaxPending).ToList() : [];
        pending = [.. pending.Skip(dropped.Count)];
        delivered.AddRange(dropped.Select(d => d.Id));
        var status = before is null && pending.Count == 0 && delivered.Count == 0 && sequence == 0
            ? null
            : new NotificationStatus { Sequence = sequence, Pending = pending, Delivered = [.. delivered.TakeLast(MaxDelivered)] };
        return new OutboxResult(Unchanged(before, status) ? before : status, dropped);
    }

    private static List<PendingNotification> Settle(List<PendingNotification> pending, IReadOnlySet<SettledDelivery> settled, List<string> delivered)
    {
        var kept = new List<PendingNotification>();
        foreach (var notification in pending)
        {
            var remaining = notification.Sinks.Where(s => !settled.Contains(new SettledDelivery(notification.Id, s))).ToList();
            if (remaining.Count == 0)
            {
                delivered.Add(notification.Id);
            }
            else
            {
                kept.Add(remaining.Count == notification.Sinks.Count ? notification : notification with { Sinks = remaining });
            }
        }

        return kept;
    }

    private static PendingNotification Pending(string id, RolloutEvent rolloutEvent, IReadOnlyList<string> triggers, List<string> sinks, EventContext context) => new()
    {
        Id = id,
        Reason = rolloutEvent.Reason,
        Type = rolloutEvent.Severity == EventSeverity.Warning ? "Warning" : "Normal",
        Message = rolloutEvent.Message.Length <= MaxMessage ? rolloutEvent.Message : rolloutEvent.Message[..(MaxMessage - 1)] + "…",
        Triggers = [.. triggers],
        Revision = context.Revision,
        Step = context.Step,
        Time = context.Time,
        Sinks = sinks,
    };

    // Equal content keeps the previous object, so an idle Rollout's status diff stays empty.
    private static bool Unchanged(NotificationStatus? before, NotificationStatus? after) =>
        before is null || after is null
            ? before is null && after is null
            : before.Sequence == after.Sequence
                && (before.Delivered ?? []).SequenceEqual(after.Delivered ?? [])
                && (before.Pending ?? []).Count == (after.Pending ?? []).Count
                && (before.Pending ?? []).Zip(after.Pending ?? []).All(p => p.First.Id == p.Second.Id && p.First.Sinks.SequenceEqual(p.Second.Sinks));
}
