namespace RolloutOperator.Core.Api;

[Description("One judged metric: its classification and the statistics behind it.")]
public sealed record JudgeMetricStatus
{
    [Description("Judged metric name.")]
    [Required]
    [MaxLength(63)]
    public string Name { get; init; } = "";

    [Description("Pass, High (canary significantly higher beyond the tolerance), Low, or NoData (too few samples).")]
    [Required]
    public JudgeClassification Classification { get; init; }

    [Description("Weight in the score.")]
    public int Weight { get; init; }

    [Description("Samples of the canary.")]
    public int CanarySamples { get; init; }

    [Description("Samples of the control.")]
    public int ControlSamples { get; init; }

    [Description("Median of the canary's samples, formatted.")]
    [MaxLength(32)]
    public string? CanaryMedian { get; init; }

    [Description("Median of the control's samples, formatted.")]
    [MaxLength(32)]
    public string? ControlMedian { get; init; }

    [Description("Quantiles of the canary's samples; absent without samples or when a quantile is not a finite number.")]
    public JudgeDistribution? CanaryDistribution { get; init; }

    [Description("Quantiles of the control's samples; absent without samples or when a quantile is not a finite number.")]
    public JudgeDistribution? ControlDistribution { get; init; }

    [Description("Two-sided p-value of the Mann-Whitney U test, formatted.")]
    [MaxLength(32)]
    public string? PValue { get; init; }

    [Description("Relative change of the canary's median against the control's, formatted (0.25 = 25% higher).")]
    [MaxLength(32)]
    public string? Effect { get; init; }

    [Description("Why it has its classification.")]
    [MaxLength(512)]
    public string? Message { get; init; }
}
