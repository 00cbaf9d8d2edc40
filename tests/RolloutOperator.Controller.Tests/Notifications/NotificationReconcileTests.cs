using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.Controller.Events;
using RolloutOperator.Controller.Notifications;
using RolloutOperator.Controller.Tests.Reconciliation;
using RolloutOperator.Core.Api;
using RolloutOperator.Testing;

namespace RolloutOperator.Controller.Tests.Notifications;

/// <summary>Notifications through the reconciler: the outbox in status, delivery off the reconcile path, failures as Events.</summary>
public sealed class NotificationReconcileTests : IAsyncLifetime
{
    private DispatcherFixture _f = null!;
    private ControllerHarness _h = null!;

    public async Task InitializeAsync()
    {
        _f = await DispatcherFixture.StartAsync();
        _h = await ControllerHarness.StartAsync(notifications: _f.Dispatcher);
        _f.Dispatcher.Connect(new NotificationFeedback(
            key => _f.Requeued.Add(key),
            new EventRecorder(_h.Client, new EventRecorderOptions("test-pod"), TimeProvider.System, NullLogger<EventRecorder>.Instance)));
        await _h.CreateServicesAsync("web-stable", "web-canary");
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await _f.DisposeAsync();
    }

    [Fact]
    public async Task Promotion_IsRecordedInTheOutbox_DeliveredOnce_AndFoldedIntoStatus()
    {
        await CreateAsync(_f.Receiver.Url("hook"));
        var canary = await PromoteAsync();

        await DispatcherFixture.EventuallyAsync(() => _f.Receiver.To("hook").Count == 1, "the on-promoted delivery");
        var body = JsonNode.Parse(_f.Receiver.To("hook")[0].Body)!;
        Assert.Equal("on-promoted", (string?)body["trigger"]);
        Assert.Equal(canary, (string?)body["revision"]);
        var id = (string)body["id"]!;

        // The next reconcile (the dispatcher asks for it) moves the id from pending to delivered.
        var status = await FoldedAsync();
        Assert.Empty(status.Pending!);
        Assert.Equal([id], status.Delivered);

        // Settled and folded: an idle Rollout writes nothing and sends nothing again.
        _h.Emulator.Requests.Clear();
        await _h.ReconcileAsync();
        Assert.Empty(_h.Emulator.Requests.Writes());
        Assert.Single(_f.Receiver.To("hook"));
    }

    [Fact]
    public async Task EventWebhook_ReceivesEveryEventOfTheRollout_WithTheWebhookFields()
    {
        var manifest = RolloutManifests.Canary(_h.Namespace, "web:1", """[{"setWeight":25},{"setWeight":50}]""");
        manifest["spec"]!["webhooks"] = JsonNode.Parse($$$"""
            [{"name":"audit","type":"event","url":"{{{_f.Receiver.Url("events")}}}","metadata":{"team":"payments"} }]
            """);
        await _h.CreateRolloutAsync(manifest);
        await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        var canary = await PromoteAsync();

        await DispatcherFixture.EventuallyAsync(
            () => _f.Receiver.To("events").Any(r => r.Body.Contains("\"RolloutPromoted\"", StringComparison.Ordinal)), "the promotion event");
        var bodies = _f.Receiver.To("events").Select(r => JsonNode.Parse(r.Body)!).ToList();
        var reasons = bodies.Select(b => (string?)b["event"]!["reason"]).ToList();
        Assert.Contains("NewRevision", reasons);
        Assert.Equal(2, reasons.Count(r => r == "StepCompleted"));
        var promoted = bodies.Single(b => (string?)b["event"]!["reason"] == "RolloutPromoted");
        Assert.Equal("event", (string?)promoted["type"]);
        Assert.Equal("audit", (string?)promoted["webhook"]);
        Assert.Equal("web", (string?)promoted["rollout"]);
        Assert.Equal(canary, (string?)promoted["revision"]);
        Assert.Equal("payments", (string?)promoted["metadata"]!["team"]);
        Assert.Equal("on-promoted", (string?)promoted["event"]!["triggers"]![0]);

        // Fire-and-forget: nothing of it is kept in status.
        Assert.Null((await _h.GetRolloutAsync()).Status!.Notifications);
    }

    [Fact]
    public async Task HangingSink_DoesNotSlowTheReconcile_AndTheNotificationWaitsInTheOutbox()
    {
        _f.Receiver.Answer = _ => new ReceiverAnswer(200) { Delay = TimeSpan.FromSeconds(30) };
        await CreateAsync(_f.Receiver.Url("slow"));

        var watch = Stopwatch.StartNew();
        await PromoteAsync();
        var after = await _h.GetRolloutAsync();
        watch.Stop();

        var pending = Assert.Single(after.Status!.Notifications!.Pending!);
        Assert.Equal("RolloutPromoted", pending.Reason);
        Assert.Equal(["hook"], pending.Sinks);
        await DispatcherFixture.EventuallyAsync(() => _f.Receiver.To("slow").Count == 1, "the hanging delivery to start");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"the rollout took {watch.Elapsed} with a hanging sink");
        Assert.Empty(_f.Dispatcher.Settled(Key));
    }

    [Fact]
    public async Task RefusingSink_RecordsOneNotificationFailedWarningWithoutTheAddressQuery()
    {
        _f.Receiver.Answer = _ => new ReceiverAnswer(403, "forbidden");
        await CreateAsync(_f.Receiver.Url("hook?token=s3cret-token"));
        await PromoteAsync();

        Assert.Empty((await FoldedAsync()).Pending!);
        var events = await FailedEventsAsync();

        var failed = Assert.Single(events);
        Assert.Equal("Warning", (string?)failed["type"]);
        Assert.Contains("sink hook (webhook) failed after 1 attempt(s): HTTP 403", (string?)failed["note"], StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-token", (string?)failed["note"], StringComparison.Ordinal);
    }

    /// <summary>Reconciles (as the dispatcher's requeue would) until the outbox is empty.</summary>
    private async Task<NotificationStatus> FoldedAsync()
    {
        for (var i = 0; i < 200; i++)
        {
            await _h.ReconcileAsync();
            var status = (await _h.GetRolloutAsync()).Status!.Notifications!;
            if (status.Pending is not { Count: > 0 })
            {
                return status;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("the outbox was not folded");
    }

    private async Task<List<JsonObject>> FailedEventsAsync()
    {
        for (var i = 0; i < 200; i++)
        {
            var events = (await _h.EventsAsync()).Where(e => (string?)e["reason"] == "NotificationFailed").ToList();
            if (events.Count > 0)
            {
                return events;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("no NotificationFailed event");
    }

    private static Runtime.Informers.ObjectKey Key => new("apps", RolloutManifests.Name);

    private async Task CreateAsync(Uri sink)
    {
        var manifest = RolloutManifests.Canary(_h.Namespace, "web:1", """[{"setWeight":25},{"setWeight":50}]""");
        manifest["spec"]!["notifications"] = new JsonObject
        {
            ["sinks"] = new JsonArray(new JsonObject
            {
                ["name"] = "hook",
                ["triggers"] = new JsonArray("on-promoted", "on-aborted"),
                ["webhook"] = new JsonObject { ["url"] = sink.ToString() },
            }),
        };
        await _h.CreateRolloutAsync(manifest);
        await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
    }

    private async Task<string> PromoteAsync()
    {
        await _h.SetImageAsync("web:2");
        var started = await _h.ReconcileUntilAsync(r => r.Status?.CanaryRevision is not null, 3);
        var canary = started.Status!.CanaryRevision!;
        await _h.ReconcileUntilAsync(r => r.Status?.StableRevision == canary && r.Status.Phase == RolloutPhase.Healthy);
        return canary;
    }
}
