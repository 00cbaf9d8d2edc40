using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using RolloutOperator.Controller.Tests.Reconciliation;
using RolloutOperator.Core.Api;
using RolloutOperator.Testing;

namespace RolloutOperator.Controller.Tests.Gates;

/// <summary>Webhook gates through the real reconciler against the emulator, calling a real local HTTP endpoint.</summary>
public sealed class WebhookGateReconcileTests : IAsyncLifetime
{
    private ControllerHarness _h = null!;
    private HttpReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _h = await ControllerHarness.StartAsync();
        _receiver = await HttpReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _h.DisposeAsync();
    }

    [Fact]
    public async Task ConfirmPromotion_EndpointSaysNo_HoldsReportsAndCallsOncePerInterval_ThenPromotesWhenItFlips()
    {
        var allowed = false;
        _receiver.Answer = _ => new ReceiverAnswer(allowed ? 200 : 403, allowed ? "ok" : "change freeze");
        await _h.Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "hooks" }, StringData = new Dictionary<string, string> { ["token"] = "t0ken-value" } },
            _h.Namespace);
        await _h.CreateServicesAsync("web-stable", "web-canary");
        var manifest = RolloutManifests.Canary(_h.Namespace, "web:1", """[{"setWeight":50}]""");
        manifest["spec"]!["webhooks"] = JsonNode.Parse($$$"""
            [{"name":"release","type":"confirm-promotion","url":"{{{_receiver.Url("release")}}}","interval":"30s",
              "headers":[{"name":"Authorization","secretKeyRef":{"name":"hooks","key":"token"}}],
              "metadata":{"ticket":"CHG-42"}}]
            """);
        await _h.CreateRolloutAsync(manifest);
        await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);

        await _h.SetImageAsync("web:2");
        var held = await _h.ReconcileUntilAsync(r => r.Status?.Gates?.FirstOrDefault()?.Attempts >= 1, maxReconciles: 40);

        var gate = Assert.Single(held.Status!.Gates!);
        Assert.Equal((GatePhase.Waiting, 403, "release"), (gate.Phase, gate.LastStatusCode, gate.Name));
        Assert.Contains("change freeze", gate.Message, StringComparison.Ordinal);
        Assert.Equal(held.Status.CanaryRevision, gate.Revision);
        Assert.Contains(held.Status.Conditions!, c => c is { Type: "Progressing", Reason: "WaitingForConfirmation" });
        Assert.StartsWith("waiting for confirm-promotion gate release", held.Status.Message, StringComparison.Ordinal);

        var request = Assert.Single(_receiver.To("release"));
        Assert.Equal("POST", request.Method);
        Assert.Equal("t0ken-value", request.Headers["Authorization"]);
        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal(("web", _h.Namespace, held.Status.CanaryRevision, "confirm-promotion", "promotion", "CHG-42"), (
            (string?)body["rollout"], (string?)body["namespace"], (string?)body["revision"], (string?)body["type"], (string?)body["scope"],
            (string?)body["metadata"]!["ticket"]));

        // Watch events and resyncs before the interval ends call nothing.
        await _h.ReconcileAsync();
        _h.Clock.Advance(TimeSpan.FromSeconds(10));
        await _h.ReconcileAsync();
        Assert.Single(_receiver.To("release"));
        Assert.Equal(held.Status.CanaryRevision, (await _h.GetRolloutAsync()).Status!.CanaryRevision);

        allowed = true;
        _h.Clock.Advance(TimeSpan.FromSeconds(25));
        await _h.ReconcileUntilAsync(r => r.Status?.StableRevision == held.Status.CanaryRevision, maxReconciles: 40);
        Assert.Equal(2, _receiver.To("release").Count);
        Assert.Equal(RolloutPhase.Healthy, (await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy, maxReconciles: 40)).Status!.Phase);
        Assert.Contains(await _h.EventsAsync(), e => (string?)e["reason"] == "GatePassed");
    }

    [Fact]
    public async Task UrlOutsideOutboundAllowList_IsInvalidSpecAtTheUrlAndNeverCalled()
    {
        await _h.DisposeAsync();
        _h = await ControllerHarness.StartAsync(outboundAllowedHosts: "hooks.internal");
        await _h.CreateServicesAsync("web-stable", "web-canary");
        var manifest = RolloutManifests.Canary(_h.Namespace, "web:1");
        manifest["spec"]!["webhooks"] = JsonNode.Parse($$"""[{"name":"smoke","type":"pre-rollout","url":"{{_receiver.Url("smoke")}}"}]""");
        await _h.CreateRolloutAsync(manifest);

        await _h.ReconcileAsync();

        var rollout = await _h.GetRolloutAsync();
        var invalid = Assert.Single(rollout.Status!.Conditions!, c => c.Type == "InvalidSpec");
        Assert.Equal(ConditionStatus.True, invalid.Status);
        Assert.Contains("spec.webhooks[0].url", invalid.Message, StringComparison.Ordinal);
        Assert.Empty(_receiver.Requests);
    }
}
