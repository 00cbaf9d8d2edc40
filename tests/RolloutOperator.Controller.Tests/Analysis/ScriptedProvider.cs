using System.Collections.Concurrent;
using RolloutOperator.Controller.Analysis;

namespace RolloutOperator.Controller.Tests.Analysis;

/// <summary>A metric provider that answers from a function and remembers every query it was asked.</summary>
internal sealed class ScriptedProvider(Func<MetricQuery, MetricQueryResult>? answer = null, TimeSpan? delay = null) : IMetricProvider
{
    private int _inFlight;

    public ConcurrentQueue<MetricQuery> Queries { get; } = new();

    public int MaxInFlight { get; private set; }

    public async Task<MetricQueryResult> QueryAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        Queries.Enqueue(query);
        var now = Interlocked.Increment(ref _inFlight);
        lock (Queries)
        {
            MaxInFlight = Math.Max(MaxInFlight, now);
        }

        try
        {
            if (delay is { } wait)
            {
                await Task.Delay(wait, cancellationToken);
            }

            return (answer ?? (_ => MetricQueryResult.Data([1.0])))(query);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
