namespace RolloutOperator.Runtime.Metrics;

/// <summary>For informers whose process exports no metrics (the kubectl plugin's dashboard).</summary>
public sealed class NoInformerMetrics : IInformerMetrics
{
    public static NoInformerMetrics Instance { get; } = new();

    private NoInformerMetrics()
    {
    }

    public void IncrementWatchRestarts(string resource, string reason)
    {
    }
}
