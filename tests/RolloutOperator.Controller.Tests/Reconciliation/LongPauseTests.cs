
namespace RolloutOperator.Controller.Tests.Reconciliation;

/// <summary>A pause of months must be waited out in bounded steps: every wake-up fits a timer and none is a hot loop.</summary>
public sealed class LongPauseTests : IAsyncLifetime
{
    private ControllerHarness _h = null!;

    public async Task InitializeAsync() => _h = await ControllerHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData("2400h")]
    [InlineData("8760h")]
    public async Task PauseOfMonths_RequeuesAtMostHourly_BoundedReconcilesAndStillPaused(string pause)
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        await _h.CreateRolloutAsync(RolloutManifests.Canary(_h.Namespace, "web:1", $$$"""[{"setWeight":25},{"pause":{"duration":"{{{pause}}}"}},{"setWeight":50}]"""));
        await _h.ReconcileUntilAsync(r => r.Status?.Phase == Core.Api.RolloutPhase.Healthy);
        await _h.SetImageAsync("web:2");
        await _h.ReconcileUntilAsync(r => r.Status?.CurrentStepIndex == 1, 8);

        // Follow the requested wake-ups the way the work queue would, over ten simulated hours.
        var simulated = TimeSpan.Zero;
        var reconciles = 0;
        while (simulated < TimeSpan.FromHours(10))
        {
            var after = (await _h.ReconcileAsync()).RequeueAfter;
            reconciles++;
            Assert.NotNull(after);
            Assert.InRange(after.Value, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
            _h.Clock.Advance(after.Value);
            simulated += after.Value;
        }

        Assert.InRange(reconciles, 1, 11);
        var rollout = await _h.GetRolloutAsync();
        Assert.Equal(1, rollout.Status!.CurrentStepIndex);
        Assert.NotNull(rollout.Status.CanaryRevision);
    }
}
