namespace RolloutOperator.Core.Api;

[Description("Target group stickiness: a client keeps reaching the target group it first reached for the duration.")]
public sealed class AlbStickiness
{
    [Description("Whether stickiness is on.")]
    public bool Enabled { get; set; }

    [Description("How long a client stays on its target group, in seconds (1 to 604800).")]
    [Range(1, 604800)]
    [DefaultValue(3600)]
    public int? DurationSeconds { get; set; }
}
