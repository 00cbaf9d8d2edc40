using RolloutOperator.Runtime.Memory;

namespace RolloutOperator.Controller.Tests.Composition;

/// <summary>
/// The garbage of the initial lists is returned once the start-up is over: after the first pass over every Rollout when
/// leading, right after the caches synced when not; and never while that pass runs.
/// </summary>
public sealed class StartupCompactionTests
{
    [Fact]
    public async Task Leader_FirstPassDrained_CompactsOnceAfterEveryRolloutWasReconciled()
    {
        var reconciledAtCompaction = new List<double>();
        RuntimeHarness? running = null;
        var compaction = new HeapCompaction(() => reconciledAtCompaction.Add(running!.Reconciles()));
        await using var harness = await RuntimeHarness.StartAsync(TimeProvider.System, workers: 2, compaction);
        running = harness;
        for (var i = 0; i < 5; i++)
        {
            await harness.CreateRolloutAsync($"web-{i}", "web:1");
        }

        harness.Run();
        await harness.WaitForAllAsync("Healthy", TimeSpan.FromSeconds(60));
        await WaitAsync(() => reconciledAtCompaction.Count > 0, TimeSpan.FromSeconds(15));
        await Task.Delay(2500);

        var compacted = Assert.Single(reconciledAtCompaction);
        Assert.True(compacted >= 5, $"compacted after {compacted} reconciles, before the first pass over 5 Rollouts had drained");
    }

    [Fact]
    public async Task Standby_CachesSynced_CompactsOnce()
    {
        var compactions = 0;
        await using var harness = await RuntimeHarness.StartAsync(TimeProvider.System, compaction: new HeapCompaction(() => Interlocked.Increment(ref compactions)));
        await harness.CreateRolloutAsync("web", "web:1");

        harness.RunInformers();
        await WaitAsync(() => Volatile.Read(ref compactions) > 0, TimeSpan.FromSeconds(15));
        await Task.Delay(2500);

        Assert.Equal(1, Volatile.Read(ref compactions));
        Assert.Equal(0, harness.Reconciles());
    }

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "no compaction within the timeout");
            await Task.Delay(50);
        }
    }
}
