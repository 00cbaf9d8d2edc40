namespace RolloutOperator.Core.Api;

[Description("Burn rates behind one SLO measurement.")]
public sealed record SloMeasurement
{
    [Description("Canary burn rate over the long window (error ratio / error budget).")]
    public double? CanaryLongBurnRate { get; init; }

    [Description("Canary burn rate over the short window.")]
    public double? CanaryShortBurnRate { get; init; }

    [Description("Stable burn rate over the long window; unset without data.")]
    public double? StableLongBurnRate { get; init; }

    [Description("Stable burn rate over the short window; unset without data.")]
    public double? StableShortBurnRate { get; init; }

    [Description("Burn rate above which a window counts as burning.")]
    public double? Threshold { get; init; }

    [Description("Long and short window, e.g. 10m/50s.")]
    [MaxLength(64)]
    public string? Windows { get; init; }

    [Description("Percent of the period's error budget the canary consumed over the long window at its observed traffic share.")]
    public double? BudgetConsumedPercent { get; init; }

    [Description("True when the stable revision burns above the threshold in both windows (an incident not caused by the canary).")]
    public bool? StableBurning { get; init; }
}
