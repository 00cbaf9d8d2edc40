namespace RolloutOperator.Core.Api;

[Description("One measured SLI: how often, how many times, how to judge a value, and what no data means.")]
[CelRule("has(self.successCondition) || has(self.failureCondition) || has(self.thresholdRange) || has(self.judge) || has(self.slo) || has(self.provider.job)", "a metric needs successCondition, failureCondition or thresholdRange, a judge or an slo (a job metric defaults to successCondition result == 1)")]
[CelRule("!has(self.consecutiveSuccessLimit) || !has(self.count) || self.consecutiveSuccessLimit <= self.count", "consecutiveSuccessLimit must not exceed count")]
[CelRule("(has(self.judge) ? 1 : 0) + (has(self.slo) ? 1 : 0) + ((has(self.provider.prometheus) && has(self.provider.prometheus.query)) ? 1 : 0) + (has(self.provider.web) ? 1 : 0) + (has(self.provider.job) ? 1 : 0) == 1", "set exactly one of provider.prometheus.query, provider.web, provider.job, judge (its queries are judge.metrics[].query) or slo (its good, bad and total are the queries)")]
public sealed class Metric
{
    [Description("Metric name, unique within the analysis.")]
    [Required]
    [MaxLength(63)]
    [Pattern("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    public string Name { get; set; } = "";

    [Description("Time between measurements.")]
    [DefaultValue("1m")]
    [MaxLength(32)]
    [Pattern(Durations.Pattern)]
    public string? Interval { get; set; }

    [Description("Number of judged measurements before the metric completes. Unset: background analysis runs until promotion; gating analyses take 1.")]
    [Range(1, 10000)]
    public int? Count { get; set; }

    [Description("Delay before the first measurement.")]
    [MaxLength(32)]
    [Pattern(Durations.Pattern)]
    public string? InitialDelay { get; set; }

    [Description("Failed measurements tolerated; one more fails the metric.")]
    [DefaultValue(0)]
    [Range(0, 10000)]
    public int? FailureLimit { get; set; }

    [Description("Inconclusive measurements tolerated; one more makes the metric inconclusive.")]
    [DefaultValue(0)]
    [Range(0, 10000)]
    public int? InconclusiveLimit { get; set; }

    [Description("Consecutive error measurements (provider down, or no data under the Retry policy) tolerated; one more fails the metric.")]
    [DefaultValue(4)]
    [Range(0, 10000)]
    public int? ConsecutiveErrorLimit { get; set; }

    [Description("Expression over `result` that must hold for a measurement to succeed, e.g. `result >= 0.99`. A job metric without any condition uses `result == 1` (the Job completed).")]
    [MaxLength(1024)]
    public string? SuccessCondition { get; set; }

    [Description("Expression over `result` that fails a measurement when it holds, e.g. `result > 0.5`.")]
    [MaxLength(1024)]
    public string? FailureCondition { get; set; }

    [Description("Inclusive range every returned value must lie in; needs no expression.")]
    public ThresholdRange? ThresholdRange { get; set; }

    [Description("What a measurement with no data (empty result or NaN) means: Fail, Inconclusive, or Retry (an error measurement, bounded by consecutiveErrorLimit). Never a pass.")]
    [DefaultValue("Retry")]
    public NoDataPolicy? NoDataPolicy { get; set; }

    [Description("Measured and shown like any metric, but never fails, pauses or holds the rollout: its verdict is reported as dry-run only.")]
    [DefaultValue(false)]
    public bool? DryRun { get; set; }

    [Description("How many of the newest measurements status keeps for this metric; at most 10, the per-metric bound of the status.")]
    [DefaultValue(10)]
    [Range(1, 10)]
    public int? MeasurementRetention { get; set; }

    [Description("Successful measurements in a row after which the metric passes, even before count is reached. Any other measurement resets the streak; failureLimit, inconclusiveLimit and consecutiveErrorLimit are checked first. With count, reaching count without the streak is Inconclusive.")]
    [Range(1, 10000)]
    public int? ConsecutiveSuccessLimit { get; set; }

    [Description("Judge the canary statistically against a control instead of by conditions: see CanaryJudge. Needs provider.prometheus.range and no provider.prometheus.query.")]
    public CanaryJudge? Judge { get; set; }

    [Description("An SLO burn-rate gate instead of a query and conditions; see docs/analysis.md.")]
    public ServiceLevelObjective? Slo { get; set; }

    [Description("Where the values come from.")]
    [Required]
    public MetricProvider Provider { get; set; } = new();
}
