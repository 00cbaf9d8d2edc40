namespace RolloutOperator.Core.Api;

[Description("A pause step.")]
public sealed class PauseStep
{
    [Description("How long to pause, as a duration (\"30s\", \"5m\", \"1h30m\") or whole seconds. Omit to pause until promoted.")]
    [MaxLength(32)]
    [Pattern(Durations.Pattern)]
    public string? Duration { get; set; }
}
