namespace RolloutOperator.Core.Api;

[Description("A template argument, with an optional default value or source.")]
[CelRule("!(has(self.value) && has(self.valueFrom))", "set at most one of value and valueFrom")]
public sealed class AnalysisArg
{
    [Description("Argument name.")]
    [Required]
    [MaxLength(128)]
    [Pattern("^[A-Za-z_][A-Za-z0-9_-]*$")]
    public string Name { get; set; } = "";

    [Description("Default value; a Rollout's argument of the same name overrides it.")]
    [MaxLength(4096)]
    public string? Value { get; set; }

    [Description("Value read from a Secret key or a Rollout field.")]
    public ArgSource? ValueFrom { get; set; }
}
