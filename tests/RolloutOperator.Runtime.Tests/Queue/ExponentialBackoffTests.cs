using RolloutOperator.Runtime.Queue;

namespace RolloutOperator.Runtime.Tests.Queue;

public sealed class ExponentialBackoffTests
{
    private static ExponentialBackoff<string> Create(double jitter = 0) =>
        new(new WorkQueueOptions { JitterFactor = jitter }, new Jitter(new Random(42)));

    [Fact]
    public void NextDelay_RepeatedFailures_DoublesFromBase()
    {
        var backoff = Create();

        var delays = Enumerable.Range(0, 4).Select(_ => backoff.NextDelay("a").TotalMilliseconds).ToList();

        Assert.Equal([5, 10, 20, 40], delays);
        Assert.Equal(4, backoff.Failures("a"));
    }

    [Fact]
    public void NextDelay_ManyFailures_CappedAtMaxDelay()
    {
        var backoff = Create();

        var last = Enumerable.Range(0, 100).Select(_ => backoff.NextDelay("a")).ToList()[^1];

        Assert.Equal(TimeSpan.FromSeconds(30), last);
    }

    [Fact]
    public void NextDelay_WithJitter_StaysWithinTenPercentBelowNominal()
    {
        var backoff = Create(jitter: 0.1);

        var delays = Enumerable.Range(0, 40).Select(_ => backoff.NextDelay("a")).ToList();

        Assert.All(delays.Take(10).Select((delay, i) => (delay, nominal: 5 * Math.Pow(2, i))), pair =>
            Assert.InRange(pair.delay.TotalMilliseconds, pair.nominal * 0.9, pair.nominal));
        Assert.All(delays, delay => Assert.True(delay <= TimeSpan.FromSeconds(30)));
        Assert.True(delays.Skip(20).Distinct().Count() > 1, "jitter spreads capped delays");
    }

    [Fact]
    public void Forget_AfterFailures_ResetsToBase()
    {
        var backoff = Create();
        backoff.NextDelay("a");
        backoff.NextDelay("a");

        backoff.Forget("a");

        Assert.Equal(0, backoff.Failures("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(5), backoff.NextDelay("a"));
    }

    [Fact]
    public void NextDelay_DifferentKeys_HaveIndependentBackoff()
    {
        var backoff = Create();
        backoff.NextDelay("a");
        backoff.NextDelay("a");

        Assert.Equal(TimeSpan.FromMilliseconds(5), backoff.NextDelay("b"));
    }
}
