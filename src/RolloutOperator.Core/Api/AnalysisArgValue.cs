namespace RolloutOperator.Core.Api;

[Description("A value passed to a template argument.")]
[CelRule("!(has(self.value) && has(self.valueFrom))", "set at most one of value and valueFrom")]
public sealed class AnalysisArgValue
{
    [Description("Argument name.")]
    [Required]
    [MaxLength(128)]
    public string Name { get; set; } = "";

    [Description("Literal value.")]
    [MaxLength(4096)]
    public string? Value { get; set; }

    [Description("Value read from a field of the Rollout.")]
    public RolloutArgSource? ValueFrom { get; set; }
}
