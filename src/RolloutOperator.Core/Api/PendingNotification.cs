namespace RolloutOperator.Core.Api;

[Description("A notification waiting for delivery, with everything its payloads are built from.")]
public sealed record PendingNotification
{
    [Description("Stable id: the same event always has the same id, across retries and operator restarts.")]
    [Required]
    [MaxLength(64)]
    public string Id { get; init; } = "";

    [Description("Reason of the Event the notification is about.")]
    [Required]
    [MaxLength(128)]
    public string Reason { get; init; } = "";

    [Description("Normal or Warning.")]
    [MaxLength(16)]
    public string? Type { get; init; }

    [Description("The Event's message.")]
    [MaxLength(1024)]
    public string? Message { get; init; }

    [Description("Triggers the event matches.")]
    [MaxLength(8)]
    [AtomicList]
    public List<string> Triggers { get; init; } = [];

    [Description("Revision the event is about.")]
    [MaxLength(63)]
    public string? Revision { get; init; }

    [Description("Current step index after the event.")]
    public int? Step { get; init; }

    [Description("When the event was recorded.")]
    [SchemaFormat("date-time")]
    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset? Time { get; init; }

    [Description("Names of the sinks still to deliver to.")]
    [MaxLength(16)]
    [AtomicList]
    public List<string> Sinks { get; init; } = [];
}
