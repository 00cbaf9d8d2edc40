namespace RolloutOperator.Core.Api;

[Description("What became of one revision.")]
public sealed record RevisionHistoryEntry
{
    [Description("Revision.")]
    [Required]
    [MaxLength(63)]
    public string Revision { get; init; } = "";

    [Description("Promoted, Aborted, Superseded or RolledBack.")]
    [Required]
    public RevisionOutcome Outcome { get; init; }

    [Description("When.")]
    [Required]
    [SchemaFormat("date-time")]
    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset At { get; init; }

    [Description("Details.")]
    [MaxLength(1024)]
    public string? Message { get; init; }
}
