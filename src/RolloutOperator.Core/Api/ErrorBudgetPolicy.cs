namespace RolloutOperator.Core.Api;

[Description("Error-budget policy: while less than minRemainingPercent of the service's error budget over the period is left, a new revision waits before its first step. Revisions marked as a fix and rollbacks are never held.")]
[CelRule("has(self.good) != has(self.bad)", "set exactly one of good or bad")]
public sealed class ErrorBudgetPolicy
{
    [Description("Objective in percent of good events, e.g. 99.9.")]
    [Required]
    public double Objective { get; set; }

    [Description("PromQL for the rate of the service's good events over [{{slo.window}}] (the period). Exactly one of good or bad.")]
    [MaxLength(4096)]
    public string? Good { get; set; }

    [Description("PromQL for the rate of the service's bad events over [{{slo.window}}] (the period). Exactly one of good or bad.")]
    [MaxLength(4096)]
    public string? Bad { get; set; }

    [Description("PromQL for the rate of all the service's events over [{{slo.window}}] (the period).")]
    [Required]
    [MaxLength(4096)]
    public string Total { get; set; } = "";

    [Description("SLO period the budget is computed over.")]
    [DefaultValue("720h")]
    [MaxLength(32)]
    [Pattern(Durations.Pattern)]
    public string? Period { get; set; }

    [Description("New revisions wait while less than this percentage of the budget remains.")]
    [DefaultValue(10.0)]
    public double? MinRemainingPercent { get; set; }

    [Description("Time between measurements of the remaining budget.")]
    [DefaultValue("5m")]
    [MaxLength(32)]
    [Pattern(Durations.Pattern)]
    public string? Interval { get; set; }

    [Description("Failed budget measurements in a row (provider down, no data) after which the budget counts as unknown and new revisions wait.")]
    [DefaultValue(4)]
    [Range(0, 10000)]
    public int? ConsecutiveErrorLimit { get; set; }

    [Description("Prometheus connection (address, timeout, authentication); its query must be unset.")]
    [Required]
    public MetricProvider Provider { get; set; } = new();
}
