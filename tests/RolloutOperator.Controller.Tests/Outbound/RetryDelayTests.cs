using RolloutOperator.Controller.Outbound;
using RolloutOperator.Runtime.Queue;

namespace RolloutOperator.Controller.Tests.Outbound;

/// <summary>Retries within one call pause base·2^retry spread ±50%, computed by Runtime's backoff.</summary>
public sealed class RetryDelayTests
{
    [Theory]
    [InlineData(0.0, 0, 50)]
    [InlineData(0.5, 0, 100)]
    [InlineData(0.5, 2, 400)]
    [InlineData(0.999999, 1, 300)]
    public void Of_JitterDraw_SpreadsAroundTheDoubledBase(double draw, int retry, int expectedMilliseconds)
    {
        var delay = RetryDelay.Of(retry, TimeSpan.FromMilliseconds(100), new Jitter(new FixedRandom(draw)));

        Assert.Equal(expectedMilliseconds, delay.TotalMilliseconds, precision: 0);
    }

    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }
}
