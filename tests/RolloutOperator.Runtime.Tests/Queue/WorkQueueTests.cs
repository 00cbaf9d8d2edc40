using Microsoft.Extensions.Time.Testing;

namespace RolloutOperator.Runtime.Tests.Queue;

public sealed class WorkQueueTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Add_DuplicateKeys_CollapseAndKeepFifoOrder()
    {
        using var queue = TestQueues.Create(_time);

        queue.Add("a");
        queue.Add("b");
        queue.Add("a");
        queue.Add("c");

        Assert.Equal(3, queue.Depth);
        Assert.Equal("a", await queue.TakeAsync());
        Assert.Equal("b", await queue.TakeAsync());
        Assert.Equal("c", await queue.TakeAsync());
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task Add_WhileProcessing_IsNotHandedOutUntilDoneThenRequeuedOnce()
    {
        using var queue = TestQueues.Create(_time);
        queue.Add("a");
        var key = await queue.TakeAsync();

        queue.Add("a");
        queue.Add("a");
        Assert.Equal(0, queue.Depth);

        queue.Done(key);
        Assert.Equal(1, queue.Depth);
        queue.Done(await queue.TakeAsync());
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task Done_WithoutAddWhileProcessing_DoesNotRequeue()
    {
        using var queue = TestQueues.Create(_time);
        queue.Add("a");

        queue.Done(await queue.TakeAsync());

        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public void AddAfter_LaterDueTime_KeepsEarliest()
    {
        using var queue = TestQueues.Create(_time);

        queue.AddAfter("a", TimeSpan.FromSeconds(2));
        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public async Task AddAfter_EarlierDueTime_ReplacesPendingLaterOne()
    {
        using var queue = TestQueues.Create(_time);

        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        queue.AddAfter("a", TimeSpan.FromSeconds(2));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, queue.Depth);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Depth);

        queue.Done(await queue.TakeAsync());
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public void AddAfter_ZeroDelay_AddsImmediately()
    {
        using var queue = TestQueues.Create(_time);

        queue.AddAfter("a", TimeSpan.Zero);

        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public async Task AddRateLimited_RepeatedFailures_DelayDoublesUntilForget()
    {
        using var queue = TestQueues.Create(_time);

        foreach (var expectedMs in new[] { 5, 10, 20 })
        {
            queue.AddRateLimited("a");
            _time.Advance(TimeSpan.FromMilliseconds(expectedMs - 1));
            Assert.Equal(0, queue.Depth);
            _time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal(1, queue.Depth);
            queue.Done(await queue.TakeAsync());
        }

        Assert.Equal(3, queue.NumRequeues("a"));
        queue.Forget("a");
        Assert.Equal(0, queue.NumRequeues("a"));
        queue.AddRateLimited("a");
        _time.Advance(TimeSpan.FromMilliseconds(5));
        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public async Task ShutDown_WithWaitingWorkers_ReleasesThemWithNoItem()
    {
        using var queue = TestQueues.Create(_time);
        var waiters = Enumerable.Range(0, 3).Select(_ => queue.GetAsync(CancellationToken.None)).ToList();

        queue.ShutDown();

        var results = await Task.WhenAll(waiters).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.All(results, result => Assert.Null(result));
        Assert.True(queue.IsShuttingDown);
    }

    [Fact]
    public async Task ShutDown_ThenAdd_IsIgnoredAndGetReturnsNull()
    {
        using var queue = TestQueues.Create(_time);
        queue.AddAfter("late", TimeSpan.FromSeconds(1));
        queue.ShutDown();

        queue.Add("a");
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, queue.Depth);
        Assert.Null(await queue.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_CallerCancels_ThrowsOperationCanceled()
    {
        using var queue = TestQueues.Create(_time);
        using var cts = new CancellationTokenSource();

        var pending = queue.GetAsync(cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }
}
