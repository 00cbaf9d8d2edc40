namespace RolloutOperator.Runtime.Metrics;

/// <summary>What an informer reports about itself; the operator backs it with its Prometheus registry.</summary>
public interface IInformerMetrics
{
    void IncrementWatchRestarts(string resource, string reason);
}
