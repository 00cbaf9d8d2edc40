using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Notifications;

/// <summary>
/// Notifications in one reconcile. Before the status patch, <see cref="Prepare"/> folds settled deliveries and the
/// decision's events into the outbox of the status to write; after it is written, <see cref="Dispatch"/> queues what is
/// pending and sends every event to the event webhooks. Nothing here waits for a sink.
/// </summary>
internal sealed class RolloutNotifier
{
    private readonly NotificationDispatcher _dispatcher;
    private readonly TimeProvider _time;

    public RolloutNotifier(NotificationDispatcher dispatcher, TimeProvider time)
    {
        _dispatcher = dispatcher;
        _time = time;
    }

    /// <summary>The status to write, with its outbox updated; dropped notifications become Warning Events in <paramref name="events"/>.</summary>
    public RolloutStatus Prepare(Rollout rollout, NotificationPlan plan, RolloutStatus next, List<RolloutEvent> events)
    {
        var key = ObjectKey.Of(rollout);
        var result = NotificationOutbox.Fold(
            RolloutIdentity.Of(rollout),
            rollout.Status?.Notifications,
            _dispatcher.Settled(key),
            events,
            Sinks(plan),
            Context(next));
        foreach (var dropped in result.Dropped)
        {
            events.Add(new RolloutEvent(EventSeverity.Warning, NotificationFeedback.FailedReason,
                $"notification {dropped.Id} ({dropped.Reason}) dropped: more than {NotificationOutbox.MaxPending} notifications are waiting for delivery"));
        }

        return next with { Notifications = result.Status };
    }

    /// <summary>Queues the outbox of the written (or unchanged) status and fires the event webhooks.</summary>
    public void Dispatch(Rollout rollout, NotificationPlan plan, IReadOnlyList<WebhookPlan> webhooks, RolloutStatus written, IReadOnlyList<RolloutEvent> events)
    {
        var key = ObjectKey.Of(rollout);
        var identity = RolloutIdentity.Of(rollout);
        var sinks = Sinks(plan).ToDictionary(s => s.Name, StringComparer.Ordinal);
        var pending = written.Notifications?.Pending ?? [];
        _dispatcher.Prune(key, pending.Select(p => p.Id).ToHashSet(StringComparer.Ordinal));
        foreach (var notification in pending)
        {
            foreach (var name in notification.Sinks)
            {
                // A sink removed from the spec since the notification was recorded: nothing to deliver to.
                if (sinks.TryGetValue(name, out var sink))
                {
                    _dispatcher.Enqueue(new DeliveryJob(key, identity, notification, sink, Persisted: true));
                }
                else
                {
                    _dispatcher.Discard(key, new SettledDelivery(notification.Id, name));
                }
            }
        }

        FireEventHooks(key, identity, webhooks, written, events);
    }

    public void Forget(ObjectKey key) => _dispatcher.Forget(key);

    private void FireEventHooks(ObjectKey key, RolloutIdentity identity, IReadOnlyList<WebhookPlan> webhooks, RolloutStatus written, IReadOnlyList<RolloutEvent> events)
    {
        var hooks = webhooks.Where(w => w.Type == WebhookType.Event).Select(EventSink).ToList();
        if (hooks.Count == 0 || events.Count == 0)
        {
            return;
        }

        var context = Context(written);
        var state = new EventHookState((written.Phase ?? RolloutPhase.Progressing).ToString(), written.StableRevision, written.StepCount);
        foreach (var rolloutEvent in events)
        {
            var notification = new PendingNotification
            {
                Id = NotificationIds.ForEvent(identity.Uid, context.Revision, rolloutEvent.Reason, rolloutEvent.Message),
                Reason = rolloutEvent.Reason,
                Type = rolloutEvent.Severity == EventSeverity.Warning ? "Warning" : "Normal",
                Message = rolloutEvent.Message,
                Triggers = [.. NotificationTriggers.For(rolloutEvent)],
                Revision = context.Revision,
                Step = context.Step,
                Time = context.Time,
            };
            foreach (var hook in hooks)
            {
                _dispatcher.Fire(new DeliveryJob(key, identity, notification, hook, Persisted: false) { Hook = state });
            }
        }
    }

    private static NotificationSinkPlan EventSink(WebhookPlan webhook) =>
        new(webhook.Name, NotificationSinkKind.Event, new HashSet<string>(), webhook.Url)
        {
            Headers = webhook.Headers,
            Metadata = webhook.Metadata,
            Timeout = webhook.Timeout,
        };

    private IReadOnlyList<NotificationSinkPlan> Sinks(NotificationPlan plan) => plan.Effective(_dispatcher.Options.Defaults);

    private EventContext Context(RolloutStatus status)
    {
        var now = _time.GetUtcNow();
        return new EventContext(
            status.CanaryRevision ?? status.StableRevision,
            status.CurrentStepIndex,
            new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
    }
}
