using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using RolloutOperator.Core.Analysis;

namespace RolloutOperator.Controller.Analysis.Judging;

/// <summary>
/// The two-sided Mann-Whitney U test with the normal approximation, tie correction and continuity correction (the
/// asymptotic method of common statistics packages). Ranks (average for ties) and the normal distribution come from
/// MathNet.Numerics; only the textbook formula is here.
/// </summary>
internal static class MannWhitneyU
{
    /// <summary>Tests <paramref name="canary"/> against <paramref name="control"/>; null when either side is empty.</summary>
    public static RankSumTest? Test(IReadOnlyList<double> canary, IReadOnlyList<double> control)
    {
        ArgumentNullException.ThrowIfNull(canary);
        ArgumentNullException.ThrowIfNull(control);
        double n1 = canary.Count, n2 = control.Count, n = n1 + n2;
        if (canary.Count == 0 || control.Count == 0)
        {
            return null;
        }

        var ranks = Statistics.Ranks(canary.Concat(control), RankDefinition.Average);
        var u = ranks.Take(canary.Count).Sum() - (n1 * (n1 + 1) / 2);
        var sigma = Math.Sqrt(n1 * n2 / 12 * (n + 1 - (TieTerm(ranks) / (n * (n - 1)))));
        var distance = Math.Abs(u - (n1 * n2 / 2));

        // All values tied: no evidence of a difference at all.
        if (sigma == 0)
        {
            return new RankSumTest(u, 0, 1);
        }

        var z = (distance - 0.5) / sigma;
        var p = Math.Min(1, 2 * Normal.CDF(0, 1, -z));
        return new RankSumTest(u, Math.Sign(u - (n1 * n2 / 2)) * Math.Max(0, z), p);
    }

    // Σ (t³ − t) over groups of tied values; tied values share one average rank.
    private static double TieTerm(double[] ranks) =>
        ranks.GroupBy(r => r).Select(g => (double)g.Count()).Sum(t => (t * t * t) - t);
}
