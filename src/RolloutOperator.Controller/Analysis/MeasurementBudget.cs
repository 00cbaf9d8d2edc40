namespace RolloutOperator.Controller.Analysis;

/// <summary>
/// How long measurements may take inside one reconcile. The reconcile is cancelled at its timeout, and a cancelled
/// measurement records nothing; so measurements get a fraction of it and a late one becomes an Error measurement, leaving
/// the rest of the reconcile time for the status write that records it.
/// </summary>
internal static class MeasurementBudget
{
    /// <summary>All due measurements of one reconcile together: three quarters of the reconcile timeout (45s of 1m).</summary>
    public static TimeSpan ForBatch(TimeSpan reconcileTimeout) => reconcileTimeout * 3 / 4;

    /// <summary>Cap on one query's own timeout, below the batch budget so the provider reports the timeout itself (40s of 1m).</summary>
    public static TimeSpan ForQuery(TimeSpan reconcileTimeout) => reconcileTimeout * 2 / 3;
}
