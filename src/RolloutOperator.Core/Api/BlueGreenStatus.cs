namespace RolloutOperator.Core.Api;

[Description("Blue/green state.")]
public sealed record BlueGreenStatus
{
    [Description("Revision the active Service selects.")]
    [MaxLength(63)]
    public string? ActiveRevision { get; init; }

    [Description("When the preview became fully available.")]
    [SchemaFormat("date-time")]
    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset? PreviewReadyAt { get; init; }

    [Description("Set when a promote command released the preview for promotion.")]
    public bool? PromoteRequested { get; init; }

    [Description("When the active Service switched to the new revision.")]
    [SchemaFormat("date-time")]
    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset? SwitchedAt { get; init; }
}
