namespace RolloutOperator.Core.Api;

[Description("A trailing window evaluated with query_range.")]
public sealed class PrometheusRange
{
    [Description("Window length ending now.")]
    [Required]
    [MaxLength(32)]
    [Pattern(Durations.Pattern)]
    public string Window { get; set; } = "";

    [Description("Resolution step.")]
    [DefaultValue("15s")]
    [MaxLength(32)]
    [Pattern(Durations.Pattern)]
    public string? Step { get; set; }
}
