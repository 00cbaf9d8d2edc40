using RolloutOperator.Runtime.Metrics;
using RolloutOperator.Runtime.Queue;

namespace RolloutOperator.Runtime.Tests.Queue;

internal static class TestQueues
{
    public static WorkQueue<string> Create(TimeProvider time, double jitter = 0, RuntimeMetrics? metrics = null) =>
        new(new WorkQueueOptions { Name = "test", JitterFactor = jitter }, time, metrics ?? RuntimeMetrics.CreateIsolated(), new Random(7));

    public static async Task<string> TakeAsync(this WorkQueue<string> queue)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var item = await queue.GetAsync(cts.Token);
        Assert.NotNull(item);
        return item.Value.Key;
    }
}
