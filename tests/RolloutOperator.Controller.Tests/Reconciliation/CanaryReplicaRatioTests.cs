using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Tests.Reconciliation;

public sealed class CanaryReplicaRatioTests : IAsyncLifetime
{
    private ControllerHarness _h = null!;

    public async Task InitializeAsync() => _h = await ControllerHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task NewRevision_ReplicaRatioCanary_AdvancesStepsByReplicaRatioAndPromotes()
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        await _h.CreateRolloutAsync(RolloutManifests.Canary(_h.Namespace, "web:1", """[{"setWeight":25},{"pause":{"duration":"20s"}},{"setWeight":50}]"""));
        var stable = (await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy)).Status!.StableRevision!;

        await _h.SetImageAsync("web:2");
        var started = await _h.ReconcileUntilAsync(r => r.Status?.CanaryRevision is not null, 3);
        var canary = started.Status!.CanaryRevision!;
        Assert.NotEqual(stable, canary);

        var atPause = await _h.ReconcileUntilAsync(r => r.Status?.CurrentStepIndex == 1, 5);
        Assert.Equal(canary, (await _h.SelectorOfAsync("web-canary"))[ApiGroup.RevisionLabel]);
        Assert.Equal(stable, (await _h.SelectorOfAsync("web-stable"))[ApiGroup.RevisionLabel]);
        // Without a router the weight is the replica ratio: 1 of 4 pods on the canary is 25%.
        Assert.Equal(1, await ReplicasAsync(canary));
        Assert.Equal(3, await ReplicasAsync(stable));
        Assert.Equal(atPause.Metadata.Generation, atPause.Status!.ObservedGeneration);

        // The pause holds the step until its duration has passed on the controller's clock.
        await _h.ReconcileAsync();
        Assert.Equal(1, (await _h.GetRolloutAsync()).Status!.CurrentStepIndex);

        var promoted = await _h.ReconcileUntilAsync(r => r.Status?.StableRevision == canary && r.Status.Phase == RolloutPhase.Healthy);
        Assert.Null(promoted.Status!.CanaryRevision);
        Assert.Equal(canary, (await _h.SelectorOfAsync("web-stable"))[ApiGroup.RevisionLabel]);
        Assert.Equal(canary, (await _h.SelectorOfAsync("web-canary"))[ApiGroup.RevisionLabel]);
        Assert.Equal(4, await ReplicasAsync(canary));
        Assert.Equal(0, await ReplicasAsync(stable));
    }

    private async Task<int?> ReplicasAsync(string revision) =>
        (await _h.DeploymentsAsync()).Single(d => d.Metadata.Name == $"web-{revision}").Spec.Replicas;

    [Fact]
    public async Task NewRevision_EveryReconcile_WritesStatusAtMostOnceAndSettlesToZeroWrites()
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        await _h.CreateRolloutAsync(RolloutManifests.Canary(_h.Namespace, "web:1"));
        await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        await _h.SetImageAsync("web:2");
        for (var i = 0; i < 12; i++)
        {
            var before = _h.WritesTo("rollouts", "status");
            var result = await _h.ReconcileAsync();
            Assert.InRange(_h.WritesTo("rollouts", "status") - before, 0, 1);
            _h.Clock.Advance(ControllerHarness.Step(result));
        }

        await _h.ReconcileAsync();
        Assert.Equal(RolloutPhase.Healthy, (await _h.GetRolloutAsync()).Status!.Phase);
        _h.Emulator.Requests.Clear();
        await _h.ReconcileAsync();
        await _h.ReconcileAsync();
        Assert.Empty(_h.Emulator.Requests.Writes());
    }
}
