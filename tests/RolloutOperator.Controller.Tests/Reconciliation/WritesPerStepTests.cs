using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Tests.Reconciliation;

/// <summary>What a canary step costs the API server: at most three writes per step, Events counted apart.</summary>
public sealed class WritesPerStepTests : IAsyncLifetime
{
    private const string Steps = """[{"setWeight":20},{"pause":{"duration":"10s"}},{"setWeight":50},{"pause":{"duration":"10s"}}]""";
    private ControllerHarness _h = null!;

    public async Task InitializeAsync() => _h = await ControllerHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task CanaryRevision_EachStep_AtMostThreeWritesBesidesEvents()
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        await _h.CreateRolloutAsync(RolloutManifests.Canary(_h.Namespace, "web:1", Steps, replicas: 10));
        await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        await _h.SetImageAsync("web:2");
        var start = _h.Emulator.Requests.Count;

        var perStep = new Dictionary<int, int>();
        var step = -1;
        var seen = start;
        for (var i = 0; i < 60; i++)
        {
            var result = await _h.ReconcileAsync();
            var rollout = await _h.GetRolloutAsync();
            var writes = _h.Emulator.Requests.All().Skip(seen).Count(r => r.IsWrite && r.Request.Resource != "events");
            seen = _h.Emulator.Requests.Count;
            perStep[step] = perStep.GetValueOrDefault(step) + writes;
            step = rollout.Status?.CurrentStepIndex ?? step;
            if (rollout.Status?.Phase == RolloutPhase.Healthy && rollout.Status.CanaryRevision is null && i > 0)
            {
                break;
            }

            _h.Clock.Advance(ControllerHarness.Step(result));
        }

        // Bucket -1 starts the revision; 0..3 are the four steps. The promotion after the last step (scale up, switch
        // the stable Service, scale down) is a sequence of its own and not a step.
        Assert.Equal([-1, 0, 1, 2, 3], perStep.Keys.Where(k => k < 4).Order());
        Assert.All(perStep.Where(p => p.Key < 4), p => Assert.InRange(p.Value, 1, 3));
    }
}
