namespace RolloutOperator.Core.Api;

[Description("An SLO gate: the canary fails when its error-budget burn rate exceeds burnRateThreshold over both the long and the short window. Queries use {{slo.revision}} (the revision judged: canary, then stable) and {{slo.window}} (the window) besides the usual placeholders.")]
[CelRule("has(self.good) != has(self.bad)", "set exactly one of good or bad")]
public sealed class ServiceLevelObjective
{
    [Description("Objective in percent of good events, e.g. 99.9. The error budget is 100 - objective.")]
    [Required]
    public double Objective { get; set; }

    [Description("PromQL for the rate of good events of {{slo.revision}} over [{{slo.window}}]. Exactly one of good or bad.")]
    [MaxLength(4096)]
    public string? Good { get; set; }

    [Description("PromQL for the rate of bad events of {{slo.revision}} over [{{slo.window}}]. Exactly one of good or bad.")]
    [MaxLength(4096)]
    public string? Bad { get; set; }

    [Description("PromQL for the rate of all events of {{slo.revision}} over [{{slo.window}}].")]
    [Required]
    [MaxLength(4096)]
    public string Total { get; set; } = "";

    [Description("Burn rate (error ratio / error budget) above which a window counts as burning. Default 6.")]
    [DefaultValue(6.0)]
    public double? BurnRateThreshold { get; set; }

    [Description("Long window. Default: interval x count (the analysis' duration), or interval x 12 without count.")]
    [MaxLength(32)]
    [Pattern(Durations.Pattern)]
    public string? LongWindow { get; set; }

    [Description("Short window. Default: longWindow / 12, at least the interval.")]
    [MaxLength(32)]
    [Pattern(Durations.Pattern)]
    public string? ShortWindow { get; set; }

    [Description("SLO period the error budget belongs to, for the budget consumed shown in status.")]
    [DefaultValue("720h")]
    [MaxLength(32)]
    [Pattern(Durations.Pattern)]
    public string? Period { get; set; }

    [Description("When the stable revision burns too: Hold (the measurement is inconclusive, the rollout waits for a human) or Continue (the canary fails only when it burns faster than stable by more than the threshold).")]
    [DefaultValue("Hold")]
    public StableBurnPolicy? StableBurning { get; set; }
}
