using Microsoft.Extensions.Time.Testing;
using RolloutOperator.Runtime.Metrics;
using RolloutOperator.Runtime.Queue;

namespace RolloutOperator.Runtime.Tests.Queue;

/// <summary>Wake-ups far in the future (a pause of months) must neither throw nor be lost: they are brought forward.</summary>
public sealed class WorkQueueLongDelayTests
{
    public static TheoryData<TimeSpan> HugeDelays => new()
    {
        TimeSpan.FromDays(50),
        TimeSpan.FromDays(100),
        TimeSpan.FromDays(36500),
        TimeSpan.MaxValue,
    };

    [Theory]
    [MemberData(nameof(HugeDelays))]
    public void AddAfter_HugeDelayOnTheSystemClock_DoesNotThrow(TimeSpan delay)
    {
        using var queue = TestQueues.Create(TimeProvider.System);

        var error = Record.Exception(() => queue.AddAfter("a", delay));

        Assert.Null(error);
        Assert.Equal(0, queue.Depth);
    }

    [Theory]
    [MemberData(nameof(HugeDelays))]
    public async Task AddAfter_HugeDelay_FiresAfterMaxDelay(TimeSpan delay)
    {
        var time = new FakeTimeProvider();
        using var queue = TestQueues.Create(time);

        queue.AddAfter("a", delay);
        time.Advance(new WorkQueueOptions().MaxDelay - TimeSpan.FromSeconds(1));
        Assert.Equal(0, queue.Depth);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("a", await queue.TakeAsync());
    }

    [Fact]
    public async Task AddAfter_ConfiguredMaxDelay_IsTheCap()
    {
        var time = new FakeTimeProvider();
        var options = new WorkQueueOptions { Name = "test", JitterFactor = 0, MaxDelay = TimeSpan.FromMinutes(10) };
        using var queue = new WorkQueue<string>(options, time, RuntimeMetrics.CreateIsolated());

        queue.AddAfter("a", TimeSpan.FromDays(3));
        time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal("a", await queue.TakeAsync());
    }

    [Fact]
    public async Task AddAfter_NegativeDelay_AddsAtOnce()
    {
        using var queue = TestQueues.Create(new FakeTimeProvider());

        queue.AddAfter("a", TimeSpan.MinValue);

        Assert.Equal("a", await queue.TakeAsync());
    }
}
