namespace RolloutOperator.Core.Api;

[Description("A condition in the metav1.Condition shape.")]
public sealed record Condition
{
    [Description("Condition type: Ready, Progressing, Paused, Degraded, InvalidSpec, Reconciling or Stalled.")]
    [Required]
    [MaxLength(316)]
    public string Type { get; init; } = "";

    [Description("True, False or Unknown.")]
    [Required]
    public ConditionStatus Status { get; init; }

    [Description("The generation the condition was set for.")]
    public long? ObservedGeneration { get; init; }

    [Description("When the status last changed.")]
    [Required]
    [SchemaFormat("date-time")]
    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset LastTransitionTime { get; init; }

    [Description("CamelCase reason for the last transition.")]
    [Required]
    [MaxLength(1024)]
    [Pattern("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$")]
    public string Reason { get; init; } = "";

    [Description("Human-readable details.")]
    [Required]
    [MaxLength(32768)]
    public string Message { get; init; } = "";
}
