using System.Collections.Concurrent;

namespace RolloutOperator.Runtime.Tests.Queue;

public sealed class WorkQueueConcurrencyTests
{
    [Fact]
    public async Task GetAsync_ManyWorkersAndProducers_NeverHandsOneKeyToTwoWorkersAndProcessesLastAdd()
    {
        using var queue = TestQueues.Create(TimeProvider.System);
        var keys = Enumerable.Range(0, 5).Select(i => $"k{i}").ToArray();
        var inFlight = new ConcurrentDictionary<string, int>();
        var lastAdded = new ConcurrentDictionary<string, long>();
        var lastProcessed = new ConcurrentDictionary<string, long>();
        long clock = 0;
        var overlap = 0;
        using var stop = new CancellationTokenSource();

        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (await queue.GetAsync(CancellationToken.None) is { } item)
            {
                var seenAt = Interlocked.Increment(ref clock);
                if (inFlight.AddOrUpdate(item.Key, 1, (_, n) => n + 1) > 1)
                {
                    Interlocked.Exchange(ref overlap, 1);
                }

                await Task.Delay(1);
                lastProcessed[item.Key] = seenAt;
                inFlight.AddOrUpdate(item.Key, 0, (_, n) => n - 1);
                queue.Done(item.Key);
            }
        })).ToList();

        var producers = Enumerable.Range(0, 4).Select(p => Task.Run(async () =>
        {
            var random = new Random(p);
            for (var i = 0; i < 300; i++)
            {
                var key = keys[random.Next(keys.Length)];
                lastAdded[key] = Interlocked.Increment(ref clock);
                queue.Add(key);
                if (i % 20 == 0)
                {
                    await Task.Yield();
                }
            }
        })).ToList();

        await Task.WhenAll(producers);
        await Eventually.TrueAsync(
            () => keys.All(k => lastProcessed.GetValueOrDefault(k) > lastAdded.GetValueOrDefault(k)),
            TimeSpan.FromSeconds(10),
            "every key is processed after its last add");
        queue.ShutDown();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(0, overlap);
    }
}
