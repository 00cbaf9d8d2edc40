using RolloutOperator.Controller.Analysis.Judging;

namespace RolloutOperator.Controller.Tests.Analysis.Judging;

/// <summary>
/// Each side's five quantiles for the status, on fixed samples worked out by hand with linear interpolation between the
/// sorted samples (h = (n − 1)·p, 0-based): the values any statistics package's default quantile gives.
/// </summary>
public sealed class JudgeQuantilesTests
{
    [Fact]
    public void Summarize_TenSamples_InterpolatesBetweenTheSortedSamples()
    {
        var d = JudgeQuantiles.Summarize([7, 3, 10, 1, 9, 2, 8, 4, 6, 5])!;

        Assert.Equal([1.9, 3.25, 5.5, 7.75, 9.1], new[] { d.P10, d.P25, d.P50, d.P75, d.P90 }, new Tolerance(1e-12));
    }

    [Fact]
    public void Summarize_TiesAndAnOutlier_KeepTheOutlierOutOfTheBox()
    {
        var d = JudgeQuantiles.Summarize([0.012, 0.011, 0.013, 0.011, 0.011, 0.030])!;

        Assert.Equal([0.011, 0.011, 0.0115, 0.01275, 0.0215], new[] { d.P10, d.P25, d.P50, d.P75, d.P90 }, new Tolerance(1e-12));
    }

    [Fact]
    public void Summarize_RoundsToSixSignificantDigits()
    {
        var d = JudgeQuantiles.Summarize([1.0 / 3, 2.0 / 3])!;

        Assert.Equal(0.366667, d.P10);
        Assert.Equal(0.5, d.P50);
        Assert.Equal(0.633333, d.P90);
    }

    [Fact]
    public void Summarize_OneSample_IsThatSample_AndNoSamplesIsNothing()
    {
        var one = JudgeQuantiles.Summarize([4.2])!;

        Assert.All(new[] { one.P10, one.P25, one.P50, one.P75, one.P90 }, q => Assert.Equal(4.2, q));
        Assert.Null(JudgeQuantiles.Summarize([]));
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
