namespace RolloutOperator.Runtime.Queue;

/// <summary>Per-key failure counts turned into capped, jittered exponential delays.</summary>
internal sealed class ExponentialBackoff<TKey>(WorkQueueOptions options, Jitter jitter)
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, int> _failures = [];

    public TimeSpan NextDelay(TKey key)
    {
        int failures;
        lock (_lock)
        {
            failures = _failures.GetValueOrDefault(key);
            _failures[key] = failures + 1;
        }

        return Backoff.Exponential(
            failures, options.BaseRetryDelay, options.MaxRetryDelay, options.JitterFactor, jitter.NextDouble());
    }

    public int Failures(TKey key)
    {
        lock (_lock)
        {
            return _failures.GetValueOrDefault(key);
        }
    }

    public void Forget(TKey key)
    {
        lock (_lock)
        {
            _failures.Remove(key);
        }
    }
}
