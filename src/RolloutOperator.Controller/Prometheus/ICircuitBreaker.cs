namespace RolloutOperator.Controller.PrometheusProvider;

/// <summary>Guards one Prometheus address: fail fast while it is known to be down.</summary>
internal interface ICircuitBreaker
{
    int ConsecutiveFailures { get; }

    bool TryAcquire(out TimeSpan retryAfter);

    void RecordSuccess();

    bool RecordFailure();
}
