namespace RolloutOperator.Core.Api;

[Description("A revision scheduled to be scaled to zero.")]
public sealed record ScaleDownStatus
{
    [Description("Revision to scale down.")]
    [Required]
    [MaxLength(63)]
    public string Revision { get; init; } = "";

    [Description("When it is scaled down.")]
    [Required]
    [SchemaFormat("date-time")]
    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset At { get; init; }
}
