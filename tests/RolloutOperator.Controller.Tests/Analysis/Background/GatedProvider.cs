using RolloutOperator.Controller.Analysis;

namespace RolloutOperator.Controller.Tests.Analysis.Background;

/// <summary>
/// A provider whose queries named <see cref="HangingQuery"/> wait until released (or cancelled at shutdown); every
/// other query answers 1 at once. Counts what it was asked and what is still waiting.
/// </summary>
internal sealed class GatedProvider : IMetricProvider
{
    public const string HangingQuery = "hang";
    private readonly Lock _lock = new();
    private TaskCompletionSource<double> _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _asked;
    private int _waiting;

    public int Asked => Volatile.Read(ref _asked);

    public int Waiting => Volatile.Read(ref _waiting);

    private readonly Dictionary<string, int> _askedBy = [];

    public int AskedFor(string query)
    {
        lock (_lock)
        {
            return _askedBy.GetValueOrDefault(query);
        }
    }

    public async Task<MetricQueryResult> QueryAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        Task<double> gate;
        lock (_lock)
        {
            _askedBy[query.Query] = _askedBy.GetValueOrDefault(query.Query) + 1;
            gate = _gate.Task;
        }

        Interlocked.Increment(ref _asked);
        if (query.Query != HangingQuery)
        {
            return MetricQueryResult.Data([1.0]);
        }

        Interlocked.Increment(ref _waiting);
        try
        {
            return MetricQueryResult.Data([await gate.WaitAsync(cancellationToken)]);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>Answers every waiting query with <paramref name="value"/>; later queries wait again.</summary>
    public void Release(double value)
    {
        lock (_lock)
        {
            var released = _gate;
            _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
            released.SetResult(value);
        }
    }

    public static async Task UntilAsync(Func<bool> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not reached within {seconds}s: {what}");
            }

            await Task.Delay(20);
        }
    }
}
