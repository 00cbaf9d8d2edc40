using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.EndToEnd.Tests.Support;
using RolloutOperator.Model;
using RolloutOperator.Testing;
using static RolloutOperator.EndToEnd.Tests.Support.TestManifests;

namespace RolloutOperator.EndToEnd.Tests.Gates;

/// <summary>Webhook gates through the real host against the emulator, answered by a local HTTP endpoint.</summary>
public sealed class WebhookGateEndToEndTests
{
    private static bool Healthy(Rollout r) => r.Status?.Phase == RolloutPhase.Healthy && r.Status.ObservedGeneration == r.Metadata.Generation;

    private static GateStatus? Gate(Rollout r, string name) => r.Status?.Gates?.FirstOrDefault(g => g.Name == name);

    private static string Reason(Rollout r) => r.Status?.Conditions?.FirstOrDefault(c => c.Type == "Progressing")?.Reason ?? "";

    [Fact]
    public async Task CanaryBlockedByFailingPreRolloutHook_ThenReleasedByConfirmPromotionWhenTheEndpointFlips()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        var (smokePasses, released) = (false, false);
        receiver.Answer = path => path == "/smoke"
            ? new ReceiverAnswer(smokePasses ? 200 : 500, smokePasses ? "ok" : "smoke test failed: 3/10 requests errored")
            : new ReceiverAnswer(released ? 200 : 409, released ? "approved" : "awaiting approval");
        var webhooks = $$$"""
              webhooks:
                - {name: smoke, type: pre-rollout, url: "{{{receiver.Url("smoke")}}}", interval: 1s, failureLimit: 100, metadata: {suite: smoke}}
                - {name: release, type: confirm-promotion, url: "{{{receiver.Url("release")}}}", interval: 1s}
            """;
        await using var cluster = await OperatorCluster.StartAsync();
        await cluster.ApplyAsync(Services() + "\n---\n" + HttpRoute() + "\n---\n" + Canary(GatewayRouting, "        - setWeight: 30", extra: webhooks));
        await cluster.StartOperatorAsync();
        var v1 = (await cluster.WaitForRolloutAsync("web", Healthy, "first revision healthy")).Status!.StableRevision!;

        await cluster.SetImageAsync("web", "registry.example/web:2");
        var blocked = await cluster.WaitForRolloutAsync("web", r => Gate(r, "smoke")?.Failures >= 2, "pre-rollout gate failing");
        var v2 = blocked.Status!.CanaryRevision!;
        Assert.Equal((0, GatePhase.Waiting, 500), (blocked.Status.Traffic?.DesiredWeight, Gate(blocked, "smoke")!.Phase, Gate(blocked, "smoke")!.LastStatusCode));
        Assert.Equal("WaitingForGate", Reason(blocked));
        Assert.StartsWith("waiting for pre-rollout gate smoke", blocked.Status.Message, StringComparison.Ordinal);
        Assert.Empty(receiver.To("release"));
        var smokeCall = JsonNode.Parse(receiver.To("smoke")[0].Body)!;
        Assert.Equal(("web", cluster.Namespace, v2, "pre-rollout", "smoke"), (
            (string?)smokeCall["rollout"], (string?)smokeCall["namespace"], (string?)smokeCall["revision"], (string?)smokeCall["type"],
            (string?)smokeCall["metadata"]!["suite"]));

        smokePasses = true;
        var held = await cluster.WaitForRolloutAsync("web", r => Gate(r, "release")?.Attempts >= 1, "confirm-promotion gate asked");
        Assert.Equal((30, v1), (held.Status!.Traffic?.DesiredWeight, held.Status.StableRevision));
        Assert.Equal("WaitingForConfirmation", Reason(held));

        released = true;
        var promoted = await cluster.WaitForRolloutAsync("web", r => Healthy(r) && r.Status!.StableRevision == v2, "promoted after approval");
        Assert.Equal(v2, promoted.Status!.StableRevision);
    }
}
