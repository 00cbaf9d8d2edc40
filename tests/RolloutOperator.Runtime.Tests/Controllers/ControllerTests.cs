using RolloutOperator.Runtime.Controllers;

namespace RolloutOperator.Runtime.Tests.Controllers;

public sealed class ControllerTests
{
    private static readonly Task<ReconcileResult> Done = Task.FromResult(ReconcileResult.Done);

    [Fact]
    public async Task Reconcile_ReturnsRequeueAfter_KeyComesBackAfterThatDelay()
    {
        var reconciler = new ScriptedReconciler((_, attempt, _) =>
            Task.FromResult(attempt == 1 ? ReconcileResult.After(TimeSpan.FromSeconds(30)) : ReconcileResult.Done));
        await using var harness = new ControllerHarness(reconciler);

        harness.Queue.Add("a");
        await harness.WaitForResultsAsync("requeue_after", 1);
        harness.Time.Advance(TimeSpan.FromSeconds(29));
        await Eventually.StaysTrueAsync(() => reconciler.Calls("a") == 1);
        harness.Time.Advance(TimeSpan.FromSeconds(1));

        await Eventually.TrueAsync(() => reconciler.Calls("a") == 2);
    }

    [Fact]
    public async Task Reconcile_ThrowsTransiently_RetriedWithBackoffUntilSuccessThenForgotten()
    {
        var reconciler = new ScriptedReconciler((_, attempt, _) =>
            attempt <= 2 ? throw new InvalidOperationException("flaky") : Done);
        await using var harness = new ControllerHarness(reconciler);

        harness.Queue.Add("a");
        await harness.WaitForResultsAsync("error", 1);
        harness.Time.Advance(TimeSpan.FromMilliseconds(5));
        await harness.WaitForResultsAsync("error", 2);
        harness.Time.Advance(TimeSpan.FromMilliseconds(10));

        await Eventually.TrueAsync(() => reconciler.Calls("a") == 3 && harness.Queue.NumRequeues("a") == 0);
    }

    [Fact]
    public async Task Reconcile_ThrowsTerminal_NotRetriedUntilAddedAgain()
    {
        var reconciler = new ScriptedReconciler((_, attempt, _) =>
            attempt == 1 ? throw new TerminalReconcileException("invalid spec") : Done);
        await using var harness = new ControllerHarness(reconciler);

        harness.Queue.Add("a");
        await harness.WaitForResultsAsync("terminal", 1);
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await Eventually.StaysTrueAsync(() => reconciler.Calls("a") == 1 && harness.Queue.NumRequeues("a") == 0);

        harness.Queue.Add("a");
        await Eventually.TrueAsync(() => reconciler.Calls("a") == 2);
    }

    [Fact]
    public async Task Reconcile_ExceedsTimeout_TokenCancelledAndKeyRetried()
    {
        var firstSawCancellation = false;
        var reconciler = new ScriptedReconciler(async (_, attempt, ct) =>
        {
            if (attempt == 1)
            {
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                }
                catch (OperationCanceledException)
                {
                    firstSawCancellation = true;
                    throw;
                }
            }

            return ReconcileResult.Done;
        });
        await using var harness = new ControllerHarness(reconciler, reconcileTimeout: TimeSpan.FromSeconds(10));

        harness.Queue.Add("a");
        await Eventually.TrueAsync(() => reconciler.Calls("a") == 1);
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        await harness.WaitForResultsAsync("timeout", 1);
        harness.Time.Advance(TimeSpan.FromMilliseconds(5));

        await Eventually.TrueAsync(() => reconciler.Calls("a") == 2);
        Assert.True(firstSawCancellation);
    }

    [Fact]
    public async Task Reconcile_UnexpectedExceptionsOnOneKey_OtherKeysStillReconciled()
    {
        var reconciler = new ScriptedReconciler((key, _, _) =>
            key == "bad" ? throw new ArgumentException("bug") : Done);
        await using var harness = new ControllerHarness(reconciler, workers: 1);

        harness.Queue.Add("bad");
        await harness.WaitForResultsAsync("error", 1);
        harness.Time.Advance(TimeSpan.FromMilliseconds(5));
        await Eventually.TrueAsync(() => reconciler.Calls("bad") == 2);
        harness.Queue.Add("good");

        await Eventually.TrueAsync(() => reconciler.Calls("good") == 1);
        Assert.False(harness.Completion.IsCompleted);
    }

    [Fact]
    public async Task Reconcile_AddedAgainWhileRunning_RunsOnceMoreAfterwardNeverConcurrently()
    {
        var release = new TaskCompletionSource();
        var running = 0;
        var maxRunning = 0;
        var reconciler = new ScriptedReconciler(async (_, attempt, _) =>
        {
            var now = Interlocked.Increment(ref running);
            maxRunning = Math.Max(maxRunning, now);
            if (attempt == 1)
            {
                await release.Task;
            }

            Interlocked.Decrement(ref running);
            return ReconcileResult.Done;
        });
        await using var harness = new ControllerHarness(reconciler, workers: 4);

        harness.Queue.Add("a");
        await Eventually.TrueAsync(() => reconciler.Calls("a") == 1);
        harness.Queue.Add("a");
        harness.Queue.Add("a");
        await Eventually.StaysTrueAsync(() => reconciler.Calls("a") == 1);
        release.SetResult();

        await Eventually.TrueAsync(() => reconciler.Calls("a") == 2);
        await Eventually.StaysTrueAsync(() => reconciler.Calls("a") == 2);
        Assert.Equal(1, maxRunning);
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsWorkersAndShutsQueueDown()
    {
        var reconciler = new ScriptedReconciler((_, _, _) => Done);
        var harness = new ControllerHarness(reconciler);

        await harness.StopAsync();

        Assert.True(harness.Completion.IsCompletedSuccessfully);
        Assert.True(harness.Queue.IsShuttingDown);
        await harness.DisposeAsync();
    }

    [Theory]
    [InlineData(100)]
    [InlineData(36500)]
    [InlineData(-1)]
    public async Task Reconcile_RequeuesFarInTheFuture_NoHotLoopOneVisitPerMaxDelay(int days)
    {
        // -1 stands for TimeSpan.MaxValue, which overflows any due-time arithmetic.
        var wait = days < 0 ? TimeSpan.MaxValue : TimeSpan.FromDays(days);
        var reconciler = new ScriptedReconciler((_, _, _) => Task.FromResult(ReconcileResult.After(wait)));
        await using var harness = new ControllerHarness(reconciler);
        var maxDelay = new RolloutOperator.Runtime.Queue.WorkQueueOptions().MaxDelay;

        harness.Queue.Add("a");
        await harness.WaitForResultsAsync("requeue_after", 1);
        var hours = 10;
        for (var minute = 1; minute <= hours * 60; minute++)
        {
            harness.Time.Advance(TimeSpan.FromMinutes(1));
            if (minute % 60 == 0)
            {
                await Eventually.TrueAsync(() => reconciler.Calls("a") == 1 + (minute / 60), because: $"visit after {minute} minutes");
            }
        }

        // One visit per MaxDelay (the reconciler recomputes the rest), never a retry loop.
        await Eventually.StaysTrueAsync(() => reconciler.Calls("a") == 1 + (int)(TimeSpan.FromHours(hours) / maxDelay));
        Assert.DoesNotContain("result=\"error\"", await harness.ScrapeAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_LaterPassAsksForNoRequeue_EarlierWakeUpIsDropped()
    {
        var reconciler = new ScriptedReconciler((_, attempt, _) =>
            Task.FromResult(attempt == 1 ? ReconcileResult.After(TimeSpan.FromMinutes(10)) : ReconcileResult.Done));
        await using var harness = new ControllerHarness(reconciler);

        harness.Queue.Add("a");
        await harness.WaitForResultsAsync("requeue_after", 1);
        harness.Queue.Add("a");
        await harness.WaitForResultsAsync("success", 1);
        harness.Time.Advance(TimeSpan.FromMinutes(11));

        await Eventually.StaysTrueAsync(() => reconciler.Calls("a") == 2);
    }

    [Fact]
    public async Task Reconcile_LaterPassAsksForLaterRequeue_OnlyTheLaterWakeUpHappens()
    {
        var reconciler = new ScriptedReconciler((_, attempt, _) =>
            Task.FromResult(ReconcileResult.After(attempt == 1 ? TimeSpan.FromMinutes(1) : TimeSpan.FromMinutes(10))));
        await using var harness = new ControllerHarness(reconciler);

        harness.Queue.Add("a");
        await harness.WaitForResultsAsync("requeue_after", 1);
        harness.Queue.Add("a");
        await harness.WaitForResultsAsync("requeue_after", 2);
        harness.Time.Advance(TimeSpan.FromMinutes(2));
        await Eventually.StaysTrueAsync(() => reconciler.Calls("a") == 2);
        harness.Time.Advance(TimeSpan.FromMinutes(8));

        await Eventually.TrueAsync(() => reconciler.Calls("a") == 3);
    }
}
