namespace RolloutOperator.Core.Api;

[Description("A measurement taken across reconciles, e.g. the Job of a job metric, that has not finished yet.")]
public sealed record MeasurementInProgress
{
    [Description("What runs the measurement: the Job's name.")]
    [Required]
    [MaxLength(63)]
    public string Name { get; init; } = "";

    [Description("When it was started.")]
    [Required]
    [SchemaFormat("date-time")]
    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset StartedAt { get; init; }
}
