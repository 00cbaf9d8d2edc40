namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Upper bound of a metric's <c>timeout</c>. A measurement runs inside one reconcile, which the operator cancels after
/// its reconcile timeout (default 1m); a query allowed to outlive that would be cancelled instead of recorded, so a hung
/// Prometheus would hold the canary forever. The operator also caps the timeout at run time below its reconcile budget.
/// </summary>
internal static class PrometheusTimeouts
{
    public const string Maximum = "40s";

    public static readonly TimeSpan MaximumValue = TimeSpan.FromSeconds(40);

    public static void Check(TimeSpan timeout, string path, SpecErrors errors)
    {
        if (timeout > MaximumValue)
        {
            errors.Add(path, $"must be at most {Maximum} (a measurement must finish well within one reconcile)");
        }
    }
}
