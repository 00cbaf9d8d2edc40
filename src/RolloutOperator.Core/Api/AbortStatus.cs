namespace RolloutOperator.Core.Api;

[Description("An abort of one revision.")]
public sealed record AbortStatus
{
    [Description("The aborted revision.")]
    [Required]
    [MaxLength(63)]
    public string Revision { get; init; } = "";

    [Description("AnalysisFailed, RolloutAborted or ProgressDeadlineExceeded.")]
    [Required]
    [MaxLength(64)]
    public string Reason { get; init; } = "";

    [Description("Details.")]
    [MaxLength(4096)]
    public string? Message { get; init; }

    [Description("When the abort happened.")]
    [Required]
    [SchemaFormat("date-time")]
    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset At { get; init; }
}
