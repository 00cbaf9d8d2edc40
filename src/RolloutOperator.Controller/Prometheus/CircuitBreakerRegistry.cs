using System.Collections.Concurrent;

namespace RolloutOperator.Controller.PrometheusProvider;

/// <summary>One breaker per Prometheus address, shared by every metric and rollout that queries it.</summary>
internal sealed class CircuitBreakerRegistry(PrometheusOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ICircuitBreaker> _breakers = new(StringComparer.Ordinal);

    public ICircuitBreaker For(Uri address) =>
        _breakers.GetOrAdd(
            address.GetLeftPart(UriPartial.Path),
            _ => new CircuitBreaker(Math.Max(1, options.BreakerFailureThreshold), options.BreakerOpenDuration, time));
}
