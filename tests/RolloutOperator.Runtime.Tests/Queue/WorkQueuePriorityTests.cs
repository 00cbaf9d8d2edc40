using Microsoft.Extensions.Time.Testing;

namespace RolloutOperator.Runtime.Tests.Queue;

public sealed class WorkQueuePriorityTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task AddPriority_BehindThousandRoutineKeys_IsHandedOutFirst()
    {
        using var queue = TestQueues.Create(_time);
        for (var i = 0; i < 1000; i++)
        {
            queue.Add($"routine-{i}");
        }

        queue.AddPriority("changed");

        Assert.Equal(1001, queue.Depth);
        Assert.Equal("changed", await queue.TakeAsync());
        Assert.Equal("routine-0", await queue.TakeAsync());
        Assert.Equal(999, queue.Depth);
    }

    [Fact]
    public async Task AddPriority_KeyWaitingInRoutineLane_MovesUpAndIsHandedOutOnce()
    {
        using var queue = TestQueues.Create(_time);
        queue.Add("a");
        queue.Add("b");
        queue.Add("c");

        queue.AddPriority("c");

        Assert.Equal(3, queue.Depth);
        List<string> order = [await queue.TakeAsync(), await queue.TakeAsync(), await queue.TakeAsync()];
        Assert.Equal(["c", "a", "b"], order);
        Assert.Equal(0, queue.Depth);
        using var none = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.GetAsync(none.Token));
    }

    [Fact]
    public async Task AddPriority_WhileProcessing_IsRequeuedInPriorityLaneWhenDone()
    {
        using var queue = TestQueues.Create(_time);
        queue.Add("a");
        var key = await queue.TakeAsync();
        queue.Add("b");
        queue.Add("c");

        queue.AddPriority("a");
        queue.Done(key);

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var next = await queue.GetAsync(cts.Token);
        Assert.Equal(new("a", true), next);
        Assert.Equal("b", await queue.TakeAsync());
    }

    [Fact]
    public async Task PriorityKey_HandedOut_IsRoutineWhenAddedAgain()
    {
        using var queue = TestQueues.Create(_time);
        queue.Add("a");
        queue.AddPriority("b");
        queue.Done(await queue.TakeAsync());

        queue.Add("b");
        queue.Add("c");

        Assert.Equal("a", await queue.TakeAsync());
        Assert.Equal("b", await queue.TakeAsync());
        Assert.Equal("c", await queue.TakeAsync());
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task Reschedule_WakeUpComesDue_IsHandedOutBeforeRoutineKeys()
    {
        using var queue = TestQueues.Create(_time);
        queue.Reschedule("pause-ends", TimeSpan.FromSeconds(10));
        for (var i = 0; i < 100; i++)
        {
            queue.Add($"routine-{i}");
        }

        _time.Advance(TimeSpan.FromSeconds(10));

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        Assert.Equal(new("pause-ends", true), await queue.GetAsync(cts.Token));
        Assert.Equal("routine-0", await queue.TakeAsync());
    }

    [Fact]
    public async Task AddRateLimited_RetryComesDue_StaysInTheRoutineLane()
    {
        using var queue = TestQueues.Create(_time);
        queue.AddRateLimited("failed");
        queue.Add("routine");

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal("routine", await queue.TakeAsync());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        Assert.Equal(new("failed", false), await queue.GetAsync(cts.Token));
    }
}
