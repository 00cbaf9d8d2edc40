using RolloutOperator.Controller.Outbound;
using RolloutOperator.Runtime.Queue;

namespace RolloutOperator.Controller.PrometheusProvider;

/// <summary>
/// Repeats a transiently failing attempt a bounded number of times with exponential, jittered delays. The whole loop
/// runs under the measurement's timeout token, so retries never stretch a measurement beyond its timeout.
/// </summary>
internal sealed class TransientRetry(int maxRetries, TimeSpan baseDelay, TimeProvider time, Jitter jitter)
{
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
            await Task.Delay(RetryDelay.Of(retry, baseDelay, jitter), time, cancellationToken).ConfigureAwait(false);
        }
    }
}
