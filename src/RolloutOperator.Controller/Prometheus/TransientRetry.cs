namespace RolloutOperator.Controller.PrometheusProvider;

/// <summary>
/// Repeats a transiently failing attempt a bounded number of times with exponential, jittered delays. The whole loop
/// runs under the measurement's timeout token, so retries never stretch a measurement beyond its timeout.
/// </summary>
internal sealed class TransientRetry(int maxRetries, TimeSpan baseDelay, TimeProvider time, Random jitter)
{
    private readonly Lock _jitterGate = new();

    public async Task<AttemptOutcome> RunAsync(Func<CancellationToken, Task<AttemptOutcome>> attempt, Action<AttemptOutcome, int> onRetry, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            var outcome = await attempt(cancellationToken).ConfigureAwait(false);
            if (!outcome.Transient || retry >= maxRetries)
            {
                return outcome;
            }

            onRetry(outcome, retry + 1);
            await Task.Delay(Delay(retry), time, cancellationToken).ConfigureAwait(false);
        }
    }

    // ±50% jitter spreads the retries of many rollouts that saw the same outage at the same moment.
    private TimeSpan Delay(int retry)
    {
        double factor;
        lock (_jitterGate)
        {
            factor = 0.5 + jitter.NextDouble();
        }

        return baseDelay * (Math.Pow(2, retry) * factor);
    }
}
