using RolloutOperator.Controller.Notifications;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Tests.Notifications;

/// <summary>The outbox fold in status: stable ids, settling, bounds, and no status at all without matching sinks.</summary>
public sealed class NotificationOutboxTests
{
    private static readonly EventContext At = new("7d9f8c6b5", 2, new DateTimeOffset(2026, 12, 3, 16, 0, 5, TimeSpan.Zero));
    private static readonly RolloutEvent Promoted = new(EventSeverity.Normal, "RolloutPromoted", "Revision 7d9f8c6b5 is now stable");
    private static readonly RolloutEvent Aborted = new(EventSeverity.Warning, "RolloutAborted", "Revision 7d9f8c6b5 aborted: by user") { IsAbort = true };
    private static readonly IReadOnlyList<NotificationSinkPlan> Sinks =
    [
        Jobs.Sink(NotificationSinkKind.Webhook, new Uri("https://a.example/"), "audit", "on-promoted", "on-aborted"),
        Jobs.Sink(NotificationSinkKind.Slack, new Uri("https://b.example/"), "chat", "on-aborted"),
    ];

    [Fact]
    public void Fold_SameDecisionTwice_GivesTheSameIds_SoARepeatAfterAConflictOrRestartIsRecognised()
    {
        var first = Fold(null, [], Promoted, Aborted);
        var again = Fold(null, [], Promoted, Aborted);

        Assert.Equal(first.Status!.Pending!.Select(p => p.Id), again.Status!.Pending!.Select(p => p.Id));
        Assert.Equal(2, first.Status.Pending!.Select(p => p.Id).Distinct().Count());
        Assert.Equal(["audit"], first.Status.Pending![0].Sinks);
        Assert.Equal(["audit", "chat"], first.Status.Pending![1].Sinks);
        Assert.Equal(["on-aborted"], first.Status.Pending![1].Triggers);
        Assert.Equal(2, first.Status.Sequence);
    }

    [Fact]
    public void Fold_NextEventOfTheSameKind_GetsANewId()
    {
        var first = Fold(null, [], Promoted).Status!;
        var second = Fold(first, [], Promoted).Status!;

        Assert.Equal(2, second.Pending!.Count);
        Assert.NotEqual(second.Pending[0].Id, second.Pending[1].Id);
    }

    [Fact]
    public void Fold_EverySinkSettled_MovesTheIdToDelivered_AndAPartialSettleKeepsTheRest()
    {
        var recorded = Fold(null, [], Aborted).Status!;
        var id = recorded.Pending![0].Id;

        var partial = Fold(recorded, [new SettledDelivery(id, "audit")]).Status!;
        var done = Fold(partial, [new SettledDelivery(id, "audit"), new SettledDelivery(id, "chat")]).Status!;

        Assert.Equal(["chat"], Assert.Single(partial.Pending!).Sinks);
        Assert.Empty(done.Pending!);
        Assert.Equal([id], done.Delivered);
    }

    [Fact]
    public void Fold_NoSinkSubscribed_LeavesStatusAlone()
    {
        var result = NotificationOutbox.Fold(Jobs.Web, null, new HashSet<SettledDelivery>(), [Promoted, Aborted], [], At);

        Assert.Null(result.Status);
    }

    [Fact]
    public void Fold_MoreThanTheBound_DropsTheOldestAndReportsThem()
    {
        var events = Enumerable.Range(0, NotificationOutbox.MaxPending + 3).Select(_ => Promoted).ToArray();

        var result = Fold(null, [], events);

        Assert.Equal(NotificationOutbox.MaxPending, result.Status!.Pending!.Count);
        Assert.Equal(3, result.Dropped.Count);
        Assert.Equal(result.Dropped.Select(d => d.Id), result.Status.Delivered);
    }

    private static OutboxResult Fold(NotificationStatus? before, IEnumerable<SettledDelivery> settled, params RolloutEvent[] events) =>
        NotificationOutbox.Fold(Jobs.Web, before, settled.ToHashSet(), events, Sinks, At);
}
