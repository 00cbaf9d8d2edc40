using System.Globalization;
using MathNet.Numerics.Statistics;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Analysis.Judging;

/// <summary>
/// One side's distribution for the status: p10, p25, median, p75 and p90 of its samples with linear interpolation between
/// the sorted samples (MathNet's R7, the default of most statistics packages). p10/p90 rather than min/max: latency has
/// long tails, and one spike would squash both boxes of the dashboard's comparison. Rounded to six significant digits so
/// the status stays short.
/// </summary>
internal static class JudgeQuantiles
{
    private static readonly double[] Taus = [0.10, 0.25, 0.50, 0.75, 0.90];

    /// <summary>The five quantiles; null without samples.</summary>
    public static JudgeDistribution? Summarize(IReadOnlyList<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return null;
        }

        var sorted = samples.Order().ToArray();
        var q = Taus.Select(t => Round(SortedArrayStatistics.QuantileCustom(sorted, t, QuantileDefinition.R7))).ToArray();
        return new JudgeDistribution { P10 = q[0], P25 = q[1], P50 = q[2], P75 = q[3], P90 = q[4] };
    }

    private static double Round(double value) =>
        double.IsFinite(value) ? double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : value;
}
