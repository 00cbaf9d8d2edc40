namespace RolloutOperator.Core.Api;

[Description("One metric of a judge: a query rendered for each side, the bad direction, the tolerated change and the samples needed.")]
public sealed class JudgeMetric
{
    [Description("Metric name, unique within the judge.")]
    [Required]
    [MaxLength(63)]
    [Pattern("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    public string Name { get; set; } = "";

    [Description("PromQL range query; {{judge.revision}} is the canary's revision on the canary side and the control's on the other. Every sample of every returned series is one observation.")]
    [Required]
    [MaxLength(8192)]
    public string Query { get; set; } = "";

    [Description("Which change is bad: Increase (e.g. latency, errors), Decrease (e.g. throughput, success rate) or Either.")]
    [DefaultValue("Increase")]
    public JudgeDirection? Direction { get; set; }

    [Description("Relative change of the canary's median against the control's median that is tolerated even when significant, e.g. 0.1 for 10%.")]
    [DefaultValue(0.1)]
    public double? Tolerance { get; set; }

    [Description("Samples each side needs; fewer is NoData, which never passes. At least 5: with fewer, no difference can be significant at 0.05.")]
    [DefaultValue(10)]
    [Range(5, 11000)]
    public int? MinSamples { get; set; }

    [Description("Weight of the metric in the score.")]
    [DefaultValue(1)]
    [Range(1, 1000)]
    public int? Weight { get; set; }
}
