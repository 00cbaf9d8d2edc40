namespace RolloutOperator.Core.Api;

[Description("One analysis of the current revision.")]
public sealed record AnalysisRunStatus
{
    [Description("Which analysis: step-N, background, prePromotion or postPromotion.")]
    [Required]
    [MaxLength(63)]
    public string Key { get; init; } = "";

    [Description("Revision analysed.")]
    [Required]
    [MaxLength(63)]
    public string Revision { get; init; } = "";

    [Description("Running, Successful, Failed, Inconclusive or Error.")]
    [Required]
    public AnalysisPhase Phase { get; init; }

    [Description("When the analysis started.")]
    [Required]
    [SchemaFormat("date-time")]
    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset StartedAt { get; init; }

    [Description("Summary of the verdict.")]
    [MaxLength(4096)]
    public string? Message { get; init; }

    [Description("Per-metric verdicts and measurements.")]
    [MaxLength(32)]
    [ListMapKeys("name")]
    public List<MetricStatus> Metrics { get; init; } = [];
}
