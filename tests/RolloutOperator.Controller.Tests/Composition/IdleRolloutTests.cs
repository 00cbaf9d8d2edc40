using Microsoft.Extensions.Time.Testing;

namespace RolloutOperator.Controller.Tests.Composition;

/// <summary>Idle costs nothing: healthy Rollouts are reconciled only when an object changes or a timer the engine asked for is due.</summary>
public sealed class IdleRolloutTests
{
    [Fact]
    public async Task HealthyRollouts_TwoHoursWithoutChanges_NoReconcile()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await RuntimeHarness.StartAsync(clock, workers: 2);
        for (var i = 0; i < 20; i++)
        {
            await harness.CreateRolloutAsync($"idle-{i}", "web:1");
        }

        harness.Run();
        await harness.WaitForAllAsync("Healthy", TimeSpan.FromSeconds(60));
        var settled = await SettleAsync(harness);

        // Every timer a healthy Rollout could have left behind (traffic polls, the longest requeue) is due within this.
        for (var minute = 0; minute < 130; minute++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(5);
        }

        await Task.Delay(500);
        Assert.Equal(0, harness.QueueDepth());
        Assert.Equal(settled, harness.Reconciles());
    }

    /// <summary>Waits until the reconcile count has not moved for a while (the last status echoes are done).</summary>
    private static async Task<double> SettleAsync(RuntimeHarness harness)
    {
        var last = -1d;
        while (harness.Reconciles() != last || harness.QueueDepth() != 0)
        {
            last = harness.Reconciles();
            await Task.Delay(300);
        }

        return last;
    }
}
