using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.EndToEnd.Tests.Support;
using RolloutOperator.Testing;
using static RolloutOperator.EndToEnd.Tests.Support.TestManifests;

namespace RolloutOperator.EndToEnd.Tests.Notifications;

/// <summary>
/// Notifications end to end: the operator (host DI graph or its own process) against the emulator, sinks on an in-process
/// HTTP receiver. The payloads are the ones docs/notifications.md documents.
/// </summary>
public sealed class NotificationsEndToEndTests
{
    private const string ManualPause = """
                - setWeight: 50
                - pause: {}
        """;

    [Fact]
    public async Task PromoteAndAbort_EverySinkKindReceivesTheDocumentedPayloads()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        await using var cluster = await OperatorCluster.StartAsync();
        var defaults = Path.Combine(Path.GetTempPath(), $"notification-defaults-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(defaults, $$$"""{"sinks":[{"name":"platform","triggers":["on-aborted"],"webhook":{"url":"{{{receiver.Url("platform")}}}"}}]}""");
        try
        {
            await cluster.ApplyAsync(Services() + "\n---\n" + Canary(NoRouting, ManualPause, extra: Sinks(receiver)));
            await cluster.StartOperatorAsync("operator-0", "--notification-defaults", defaults);
            await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Healthy, "first revision healthy");

            var v2 = await PausedAsync(cluster, "registry.example/web:2");
            await cluster.CommandAsync("web", "promote");
            var promoted = await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Healthy && r.Status.StableRevision == v2, "v2 promoted");
            var uid = promoted.Metadata.Uid;

            var hook = await ReceivedAsync(receiver, "hook", "RolloutPromoted");
            AssertDocument(hook, "on-promoted", "RolloutPromoted", "Normal", v2, uid);
            var slack = JsonNode.Parse((await ReceivedAsync(receiver, "slack", "RolloutPromoted")).Body)!;
            Assert.StartsWith("[e2e/web] RolloutPromoted: Revision " + v2 + " is now stable", (string?)slack["text"], StringComparison.Ordinal);
            Assert.Equal(2, slack["blocks"]!.AsArray().Count);
            var cloudEvent = await ReceivedAsync(receiver, "ce", "RolloutPromoted");
            Assert.StartsWith("application/cloudevents+json", cloudEvent.Headers["Content-Type"], StringComparison.Ordinal);
            var ce = JsonNode.Parse(cloudEvent.Body)!;
            Assert.Equal("1.0", (string?)ce["specversion"]);
            Assert.Equal("io.rollout-operator.rollout.promoted", (string?)ce["type"]);
            Assert.Equal("/apis/rollout-operator.io/namespaces/e2e/rollouts/web", (string?)ce["source"]);
            Assert.Equal(v2, (string?)ce["subject"]);
            Assert.Equal((string?)JsonNode.Parse(hook.Body)!["id"], (string?)ce["id"]);
            AssertDocument(new ReceivedRequest("POST", "/ce", ce["data"]!.ToJsonString(), cloudEvent.Headers), "on-promoted", "RolloutPromoted", "Normal", v2, uid);

            var v3 = await PausedAsync(cluster, "registry.example/web:3");
            await cluster.CommandAsync("web", "abort");
            AssertDocument(await ReceivedAsync(receiver, "hook", "RolloutAborted"), "on-aborted", "RolloutAborted", "Warning", v3, uid);
            AssertDocument(await ReceivedAsync(receiver, "platform", "RolloutAborted"), "on-aborted", "RolloutAborted", "Warning", v3, uid);

            // Each sink got what it subscribed to, once: the platform default only the abort.
            Assert.Single(receiver.To("platform"));
            Assert.Equal(2, receiver.To("hook").Count);
        }
        finally
        {
            File.Delete(defaults);
        }
    }

    [Fact]
    public async Task OperatorKilledBeforeDelivery_NextOperatorDeliversFromTheOutboxExactlyOnce()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        await using var cluster = await OperatorCluster.StartAsync();
        receiver.Answer = _ => new ReceiverAnswer(200) { Delay = TimeSpan.FromMinutes(10) };
        await cluster.ApplyAsync(Services() + "\n---\n" + Canary(NoRouting, "        - setWeight: 50", extra: Sinks(receiver)));
        var first = cluster.StartOperatorProcess("operator-a", "--leader-elect", "false");
        await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Healthy, "first revision healthy");

        // The promotion is recorded in the outbox and its delivery hangs: the operator dies before any sink acknowledged it.
        await cluster.SetImageAsync("web", "registry.example/web:2");
        var recorded = await cluster.WaitForRolloutAsync("web", r => r.Status?.Notifications?.Pending is { Count: > 0 }, "promotion in the outbox");
        var id = recorded.Status!.Notifications!.Pending!.Single(p => p.Reason == "RolloutPromoted").Id;
        await OperatorCluster.EventuallyAsync(() => Task.FromResult(receiver.To("hook").Count), n => n >= 1, TimeSpan.FromSeconds(20), "the hanging delivery");
        first.Kill();

        var acknowledgedFrom = receiver.Requests.Count;
        receiver.Answer = _ => new ReceiverAnswer(200);
        var second = cluster.StartOperatorProcess("operator-b", "--leader-elect", "false");
        await cluster.WaitForRolloutAsync("web", r => r.Status?.Notifications?.Delivered?.Contains(id) == true, "delivery recorded after the restart", 60);
        Assert.False(second.HasExited, second.Log);

        // Acknowledged once, and settled in status, so no later operator sends it again.
        await Task.Delay(500);
        Assert.Single(Acknowledged(receiver, acknowledgedFrom), b => b["id"]?.GetValue<string>() == id);
    }

    private static string Sinks(HttpReceiver receiver) => $$"""
          notifications:
            sinks:
              - name: hook
                triggers: [on-promoted, on-aborted]
                webhook: {url: "{{receiver.Url("hook")}}"}
              - name: chat
                triggers: [on-promoted]
                slack: {url: "{{receiver.Url("slack")}}"}
              - name: bus
                triggers: [on-promoted]
                cloudEvents: {url: "{{receiver.Url("ce")}}", mode: Structured}
        """;

    private static async Task<string> PausedAsync(OperatorCluster cluster, string image)
    {
        await cluster.SetImageAsync("web", image);
        var paused = await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Paused && r.Status.CanaryRevision is not null, $"{image} paused");
        return paused.Status!.CanaryRevision!;
    }

    private static Task<ReceivedRequest> ReceivedAsync(HttpReceiver receiver, string path, string reason) =>
        OperatorCluster.EventuallyAsync(
            () => Task.FromResult(receiver.To(path).FirstOrDefault(r => r.Body.Contains($"\"{reason}\"", StringComparison.Ordinal) || r.Body.Contains($" {reason}:", StringComparison.Ordinal))),
            r => r is not null, TimeSpan.FromSeconds(30), $"{reason} at /{path}")!;

    private static List<JsonNode> Acknowledged(HttpReceiver receiver, int from) =>
        [.. receiver.Requests.Skip(from).Where(r => r.Path == "/hook").Select(r => JsonNode.Parse(r.Body)!)];

    private static void AssertDocument(ReceivedRequest request, string trigger, string reason, string type, string revision, string uid)
    {
        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal(["id", "trigger", "reason", "type", "message", "time", "rollout", "revision", "step"], body.Select(p => p.Key));
        Assert.Matches("^[0-9a-f]{32}$", (string?)body["id"]);
        Assert.Equal(trigger, (string?)body["trigger"]);
        Assert.Equal(reason, (string?)body["reason"]);
        Assert.Equal(type, (string?)body["type"]);
        Assert.Contains(revision, (string?)body["message"], StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", (string?)body["time"]);
        Assert.Equal("e2e", (string?)body["rollout"]!["namespace"]);
        Assert.Equal("web", (string?)body["rollout"]!["name"]);
        Assert.Equal(uid, (string?)body["rollout"]!["uid"]);
        Assert.Equal(revision, (string?)body["revision"]);
    }
}
