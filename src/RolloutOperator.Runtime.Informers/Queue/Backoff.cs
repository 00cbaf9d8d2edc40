namespace RolloutOperator.Runtime.Queue;

public static class Backoff
{
    /// <summary>
    /// base·2^failures, capped, then shortened by up to <paramref name="jitterFactor"/>·<paramref name="random01"/>.
    /// Jitter only shortens, so the cap is a true upper bound.
    /// </summary>
    public static TimeSpan Exponential(
        int failures, TimeSpan baseDelay, TimeSpan maxDelay, double jitterFactor, double random01)
    {
        var exponent = Math.Clamp(failures, 0, 62);
        var ticks = Math.Min(baseDelay.Ticks * Math.Pow(2, exponent), maxDelay.Ticks);
        var jittered = ticks * (1 - (Math.Clamp(jitterFactor, 0, 1) * random01));
        return TimeSpan.FromTicks((long)jittered);
    }
}
