namespace RolloutOperator.Core.Api;

[Description("The OpenTelemetry trace of the revision rollout in progress (or the last one); set only while tracing is enabled.")]
public sealed record TraceStatus
{
    [Description("W3C trace id (32 lowercase hex digits), derived from the Rollout's uid, the revision and startedAt.")]
    [Required]
    [MaxLength(32)]
    [Pattern("^[0-9a-f]{32}$")]
    public string TraceId { get; init; } = "";

    [Description("The revision this trace follows.")]
    [Required]
    [MaxLength(63)]
    public string Revision { get; init; } = "";

    [Description("When this rollout of the revision started (a retry after an abort starts a new trace).")]
    [Required]
    [SchemaFormat("date-time")]
    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset StartedAt { get; init; }
}
