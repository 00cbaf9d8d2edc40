using System.Text.Json.Nodes;
using RolloutOperator.Controller.Notifications;
using RolloutOperator.Core.Plans;
using RolloutOperator.Runtime.Informers;
using RolloutOperator.Testing;

namespace RolloutOperator.Controller.Tests.Notifications;

/// <summary>Delivery through the real outbound client to an in-process receiver: retries, give-up, dedup, a full queue.</summary>
public sealed class DispatcherTests
{
    private static readonly ObjectKey Key = new(Jobs.Web.Namespace, Jobs.Web.Name);

    [Fact]
    public async Task Deliver_ReceiverFailsTwiceThenAccepts_IsRetriedWithTheSamePayloadAndSettledOnce()
    {
        await using var f = await DispatcherFixture.StartAsync();
        var calls = 0;
        f.Receiver.Answer = _ => new ReceiverAnswer(Interlocked.Increment(ref calls) <= 2 ? 503 : 200);
        var job = Jobs.Job(Jobs.Sink(NotificationSinkKind.Webhook, f.Receiver.Url("hook")));

        Assert.True(f.Dispatcher.Enqueue(job));
        await DispatcherFixture.EventuallyAsync(() => f.Dispatcher.Settled(Key).Contains(job.Delivery), "the delivery to settle");

        var received = f.Receiver.To("hook");
        Assert.Equal(3, received.Count);
        Assert.Single(received.Select(r => r.Body).Distinct());
        Assert.Equal("0f1e2d3c4b5a69788796a5b4c3d2e1f0", (string?)JsonNode.Parse(received[0].Body)!["id"]);
        Assert.Equal(2, f.Metrics.Value(NotificationSinkKind.Webhook, NotificationMetrics.Retried));
        Assert.Equal(1, f.Metrics.Value(NotificationSinkKind.Webhook, NotificationMetrics.Delivered));
        Assert.Contains(Key, f.Requeued);
    }

    [Fact]
    public async Task Deliver_ReceiverAlwaysFails_GivesUpAfterMaxAttempts()
    {
        await using var f = await DispatcherFixture.StartAsync();
        f.Receiver.Answer = _ => new ReceiverAnswer(500);
        var job = Jobs.Job(Jobs.Sink(NotificationSinkKind.Slack, f.Receiver.Url("slack")));

        f.Dispatcher.Enqueue(job);
        await DispatcherFixture.EventuallyAsync(() => f.Dispatcher.Settled(Key).Contains(job.Delivery), "the delivery to settle");

        Assert.Equal(4, f.Receiver.To("slack").Count);
        Assert.Equal(1, f.Metrics.Value(NotificationSinkKind.Slack, NotificationMetrics.Failed));
        Assert.Equal(0, f.Metrics.Value(NotificationSinkKind.Slack, NotificationMetrics.Delivered));
    }

    [Fact]
    public async Task Deliver_ReceiverRefusesThePayload_IsNotRetried()
    {
        await using var f = await DispatcherFixture.StartAsync();
        f.Receiver.Answer = _ => new ReceiverAnswer(400, "bad payload");
        var job = Jobs.Job(Jobs.Sink(NotificationSinkKind.CloudEvents, f.Receiver.Url("ce")));

        f.Dispatcher.Enqueue(job);
        await DispatcherFixture.EventuallyAsync(() => f.Dispatcher.Settled(Key).Contains(job.Delivery), "the delivery to settle");

        Assert.Single(f.Receiver.To("ce"));
        Assert.Equal(1, f.Metrics.Value(NotificationSinkKind.CloudEvents, NotificationMetrics.Failed));
    }

    [Fact]
    public async Task Enqueue_SameDeliveryTwice_IsSentOnce()
    {
        await using var f = await DispatcherFixture.StartAsync();
        var job = Jobs.Job(Jobs.Sink(NotificationSinkKind.Webhook, f.Receiver.Url("hook")));

        f.Dispatcher.Enqueue(job);
        f.Dispatcher.Enqueue(job);
        await DispatcherFixture.EventuallyAsync(() => f.Dispatcher.Settled(Key).Contains(job.Delivery), "the delivery to settle");
        f.Dispatcher.Enqueue(job);
        await Task.Delay(100);

        Assert.Single(f.Receiver.To("hook"));
    }

    [Fact]
    public async Task Fire_SameEventTwiceWithinTheWindow_IsSentOnce()
    {
        await using var f = await DispatcherFixture.StartAsync();
        var job = Jobs.Job(Jobs.Sink(NotificationSinkKind.Event, f.Receiver.Url("events")), persisted: false);

        f.Dispatcher.Fire(job);
        f.Dispatcher.Fire(job);
        await DispatcherFixture.EventuallyAsync(() => f.Metrics.Value(NotificationSinkKind.Event, NotificationMetrics.Delivered) == 1, "the event hook delivery");
        await Task.Delay(100);

        var received = Assert.Single(f.Receiver.To("events"));
        Assert.Equal("event", (string?)JsonNode.Parse(received.Body)!["type"]);
        Assert.Empty(f.Dispatcher.Settled(Key));
    }

    [Fact]
    public async Task Enqueue_QueueFull_DropsWithAMetricInsteadOfWaiting()
    {
        await using var f = await DispatcherFixture.StartAsync(DispatcherFixture.FastRetries(queue: 1), run: false);
        var sink = Jobs.Sink(NotificationSinkKind.Webhook, f.Receiver.Url("hook"));
        var first = Jobs.Job(sink, Jobs.Promoted("a"));
        var second = Jobs.Job(sink, Jobs.Promoted("b"));

        Assert.True(f.Dispatcher.Enqueue(first));
        Assert.False(f.Dispatcher.Enqueue(second));

        Assert.Equal(1, f.Metrics.Value(NotificationSinkKind.Webhook, NotificationMetrics.Dropped));
        Assert.Equal([second.Delivery], f.Dispatcher.Settled(Key));
        f.Run();
        await DispatcherFixture.EventuallyAsync(() => f.Dispatcher.Settled(Key).Contains(first.Delivery), "the queued delivery");
        Assert.Single(f.Receiver.To("hook"));
    }
}
