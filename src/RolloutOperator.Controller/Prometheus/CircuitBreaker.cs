namespace RolloutOperator.Controller.PrometheusProvider;

/// <summary>
/// Consecutive-failure breaker for one Prometheus address. Open: callers fail at once until the open period ends; then
/// one trial is let through (half-open) and its outcome closes or re-opens the circuit. A trial whose caller vanished
/// (cancelled, never reported) stops blocking others after another open period.
/// </summary>
internal sealed class CircuitBreaker(int threshold, TimeSpan openDuration, TimeProvider time) : ICircuitBreaker
{
    private readonly Lock _gate = new();
    private int _failures;
    private DateTimeOffset? _openUntil;
    private DateTimeOffset? _trialStarted;

    public bool TryAcquire(out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            retryAfter = TimeSpan.Zero;
            if (_openUntil is not { } until)
            {
                return true;
            }

            if (now < until)
            {
                retryAfter = until - now;
                return false;
            }

            if (_trialStarted is { } started && now - started < openDuration)
            {
                retryAfter = started + openDuration - now;
                return false;
            }

            _trialStarted = now;
            return true;
        }
    }

    public int ConsecutiveFailures
    {
        get
        {
            lock (_gate)
            {
                return _failures;
            }
        }
    }

    public void RecordSuccess()
    {
        lock (_gate)
        {
            _failures = 0;
            _openUntil = null;
            _trialStarted = null;
        }
    }

    /// <returns>True when this failure opened (or re-opened) the circuit.</returns>
    public bool RecordFailure()
    {
        lock (_gate)
        {
            _failures++;
            _trialStarted = null;
            if (_failures < threshold)
            {
                return false;
            }

            _openUntil = time.GetUtcNow() + openDuration;
            return true;
        }
    }
}
