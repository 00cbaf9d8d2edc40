namespace RolloutOperator.ApiEmulator.Http;

/// <summary>An error-injection rule with its own seeded random source, so runs are reproducible.</summary>
internal sealed class FaultRule(int statusCode, double rate, Func<ApiRequest, bool>? filter, int seed)
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();

    public int StatusCode { get; } = statusCode;

    public bool Fires(ApiRequest request)
    {
        if (filter is not null && !filter(request))
        {
            return false;
        }

        lock (_gate)
        {
            return _random.NextDouble() < rate;
        }
    }
}
