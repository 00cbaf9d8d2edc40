using System.Globalization;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Sandbox.Progress;

/// <summary>One line about the analysis a person is waiting on: its metrics' last values and counts.</summary>
internal static class AnalysisText
{
    public static string? Latest(RolloutStatus? status)
    {
        // After a promotion the analyses of the now-stable revision are the latest ones.
        var revision = status?.CanaryRevision ?? status?.Abort?.Revision ?? status?.StableRevision;
        var run = status?.Analyses?.LastOrDefault(a => a.Revision == revision);
        if (run is null)
        {
            return null;
        }

        var metrics = string.Join("; ", run.Metrics.Select(Metric));
        return $"{run.Key} {run.Phase}: {(metrics.Length > 0 ? metrics : "waiting for the first measurement")}";
    }

    private static string Metric(MetricStatus metric)
    {
        var last = metric.Measurements.LastOrDefault();
        var value = last switch
        {
            null => "-",
            { Value: { } v } => Number(v),
            { NoData: true } => "no data",
            _ => last.Message ?? last.Phase.ToString(),
        };
        return $"{metric.Name}={value} ({metric.Successful} ok, {metric.Failed} failed, {metric.Error} errors)";
    }

    // Prometheus returns full precision; three decimals is what a person compares against a 0.99 threshold.
    private static string Number(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number.ToString("0.000", CultureInfo.InvariantCulture)
            : value;
}
