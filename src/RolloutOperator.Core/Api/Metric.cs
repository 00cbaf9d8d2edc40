namespace RolloutOperator.Core.Api;

[Description("One measured SLI: how often, how many times, how to judge a value, and what no data means.")]
[CelRule("has(self.successCondition) || has(self.failureCondition) || has(self.thresholdRange) || has(self.slo)", "a metric needs successCondition, failureCondition or thresholdRange, or an slo")]
[CelRule("has(self.slo) != (has(self.provider.prometheus) && has(self.provider.prometheus.query))", "set provider.prometheus.query, or slo (whose good, bad and total are the queries), not both")]
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

    [Description("Expression over `result` that must hold for a measurement to succeed, e.g. `result >= 0.99`.")]
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

    [Description("An SLO burn-rate gate instead of a query and conditions; see docs/analysis.md.")]
    public ServiceLevelObjective? Slo { get; set; }

    [Description("Where the values come from.")]
    [Required]
    public MetricProvider Provider { get; set; } = new();
}
