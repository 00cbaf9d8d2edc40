using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Tests.Reconciliation;

public sealed class InvalidSpecTests : IAsyncLifetime
{
    private ControllerHarness _h = null!;

    public async Task InitializeAsync() => _h = await ControllerHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task UnknownRouter_SetsInvalidSpecWithFieldPathAndWarningAndCreatesNothing()
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        var manifest = RolloutManifests.Canary(_h.Namespace, "web:1");
        manifest["spec"]!["strategy"]!["canary"]!["trafficRouting"] = JsonNode.Parse("""{"plugin":{"name":"acme"}}""");
        await _h.CreateRolloutAsync(manifest);

        var result = await _h.ReconcileAsync();

        Assert.Null(result.RequeueAfter);
        var rollout = await _h.GetRolloutAsync();
        var invalid = Assert.Single(rollout.Status!.Conditions!, c => c.Type == "InvalidSpec");
        Assert.Equal(ConditionStatus.True, invalid.Status);
        Assert.Contains("spec.strategy.canary.trafficRouting", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(rollout.Metadata.Generation, rollout.Status.ObservedGeneration);
        Assert.Empty(await _h.DeploymentsAsync());
        Assert.False((await _h.SelectorOfAsync("web-stable")).ContainsKey(ApiGroup.RevisionLabel));
        Assert.Contains(await _h.EventsAsync(), e => (string?)e["reason"] == "InvalidSpec" && (string?)e["type"] == "Warning");

        // Terminal: reconciling the unchanged object again writes nothing.
        _h.Emulator.Requests.Clear();
        await _h.ReconcileAsync();
        Assert.Empty(_h.Emulator.Requests.Writes());
    }

    [Fact]
    public async Task FixedSpec_AfterInvalidSpec_Recovers()
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        var manifest = RolloutManifests.Canary(_h.Namespace, "web:1");
        manifest["spec"]!["strategy"]!["canary"]!["trafficRouting"] = JsonNode.Parse("""{"plugin":{"name":"acme"}}""");
        await _h.CreateRolloutAsync(manifest);
        await _h.ReconcileAsync();

        await _h.PatchRolloutAsync(JsonNode.Parse("""{"spec":{"strategy":{"canary":{"trafficRouting":null}}}}""")!.AsObject());
        var healthy = await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);

        Assert.Contains(healthy.Status!.Conditions!, c => c is { Type: "InvalidSpec", Status: ConditionStatus.False });
        Assert.Single(await _h.DeploymentsAsync());
    }
}
