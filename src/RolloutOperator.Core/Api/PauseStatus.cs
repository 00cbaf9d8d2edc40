namespace RolloutOperator.Core.Api;

[Description("Why and since when the rollout is paused.")]
public sealed record PauseStatus
{
    [Description("CanaryPauseStep, ManualPause, InconclusiveAnalysis, BlueGreenPause or ErrorBudgetFreeze.")]
    [Required]
    [MaxLength(64)]
    public string Reason { get; init; } = "";

    [Description("When the pause started.")]
    [Required]
    [SchemaFormat("date-time")]
    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset StartedAt { get; init; }

    [Description("When a timed pause ends; unset for pauses that wait for a command.")]
    [SchemaFormat("date-time")]
    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset? ResumeAt { get; init; }
}
