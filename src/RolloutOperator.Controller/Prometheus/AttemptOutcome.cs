using RolloutOperator.Controller.Analysis;

namespace RolloutOperator.Controller.PrometheusProvider;

/// <summary>
/// One HTTP attempt. <see cref="Transient"/>: worth another attempt within the same measurement.
/// <see cref="ServerFault"/>: counts against the address's circuit (the server is down or broken, not the query).
/// </summary>
internal sealed record AttemptOutcome(MetricQueryResult Result, bool Transient, bool ServerFault)
{
    public static AttemptOutcome Answer(MetricQueryResult result) => new(result, Transient: false, ServerFault: false);

    public static AttemptOutcome Retryable(string error) => new(MetricQueryResult.Failed(error), Transient: true, ServerFault: true);

    public static AttemptOutcome Broken(string error) => new(MetricQueryResult.Failed(error), Transient: false, ServerFault: true);

    public static AttemptOutcome Rejected(string error) => new(MetricQueryResult.Failed(error), Transient: false, ServerFault: false);
}
