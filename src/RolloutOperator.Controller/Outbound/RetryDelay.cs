using RolloutOperator.Runtime.Queue;

namespace RolloutOperator.Controller.Outbound;

/// <summary>The pause before a retry within one outbound call (Prometheus queries, webhooks, web metrics).</summary>
internal static class RetryDelay
{
    // Runtime's backoff only ever shortens its ceiling, so the ±50% spread is a 1.5× ceiling shortened by up to ⅔.
    private const double Ceiling = 1.5;
    private const double Spread = 2.0 / 3;

    /// <summary>
    /// base·2^retry, uniformly spread ±50%: the spread scatters the retries of many rollouts that saw the same outage at
    /// the same moment.
    /// </summary>
    public static TimeSpan Of(int retry, TimeSpan baseDelay, Jitter jitter)
    {
        ArgumentNullException.ThrowIfNull(jitter);
        return Backoff.Exponential(retry, baseDelay * Ceiling, TimeSpan.MaxValue, Spread, 1 - jitter.NextDouble());
    }
}
