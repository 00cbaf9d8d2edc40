namespace RolloutOperator.Controller.Analysis;

/// <summary>
/// Runs one rendered query. A query that could not be answered comes back as <see cref="MetricQueryResult.Failed"/>, never
/// as an exception; only the caller's cancellation escapes (a cancelled reconcile must not produce a result).
/// </summary>
internal interface IMetricProvider
{
    Task<MetricQueryResult> QueryAsync(MetricQuery query, CancellationToken cancellationToken);
}
