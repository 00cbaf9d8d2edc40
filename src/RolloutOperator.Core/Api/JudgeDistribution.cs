namespace RolloutOperator.Core.Api;

[Description("Five quantiles of one side's samples over the judge's window (linear interpolation between the sorted samples); p10 and p90 instead of min and max so one outlier does not hide the rest.")]
public sealed record JudgeDistribution
{
    [Description("10th percentile.")]
    public double P10 { get; init; }

    [Description("25th percentile (lower quartile).")]
    public double P25 { get; init; }

    [Description("Median.")]
    public double P50 { get; init; }

    [Description("75th percentile (upper quartile).")]
    public double P75 { get; init; }

    [Description("90th percentile.")]
    public double P90 { get; init; }
}
