namespace RolloutOperator.Core.Api;

[Description("Verdict and bounded measurements of one metric.")]
public sealed record MetricStatus
{
    [Description("Metric name.")]
    [Required]
    [MaxLength(63)]
    public string Name { get; init; } = "";

    [Description("Running, Successful, Failed, Inconclusive or Error.")]
    [Required]
    public AnalysisPhase Phase { get; init; }

    [Description("Successful measurements.")]
    public int Successful { get; init; }

    [Description("Failed measurements.")]
    public int Failed { get; init; }

    [Description("Inconclusive measurements.")]
    public int Inconclusive { get; init; }

    [Description("Error measurements (provider errors and retried no-data).")]
    public int Error { get; init; }

    [Description("Error measurements in a row, reset by any judged measurement.")]
    public int ConsecutiveErrors { get; init; }

    [Description("Successful measurements in a row, reset by any other measurement; set only for a metric with consecutiveSuccessLimit.")]
    public int? ConsecutiveSuccesses { get; init; }

    [Description("True for a dry-run metric: measured and shown, but its verdict never decides the analysis.")]
    public bool? DryRun { get; init; }
    [Description("A judge metric's latest judgement: score and per-metric classification.")]
    public JudgeStatus? Judge { get; init; }

    [Description("A measurement that spans reconciles (a job metric's Job) and has not finished yet.")]
    public MeasurementInProgress? InProgress { get; init; }

    [Description("Why the metric has its phase.")]
    [MaxLength(4096)]
    public string? Message { get; init; }

    [Description("The most recent measurements, oldest first.")]
    [MaxLength(10)]
    [AtomicList]
    public List<Measurement> Measurements { get; init; } = [];
}
