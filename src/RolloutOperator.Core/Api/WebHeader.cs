namespace RolloutOperator.Core.Api;

[Description("A request header of a web metric: a literal value or a Secret key in the Rollout's namespace, never both.")]
[CelRule("has(self.value) != has(self.secretKeyRef)", "set exactly one of value and secretKeyRef")]
public sealed class WebHeader
{
    [Description("Header name.")]
    [Required]
    [MaxLength(256)]
    public string Name { get; set; } = "";

    [Description("Literal header value.")]
    [MaxLength(4096)]
    public string? Value { get; set; }

    [Description("The header value from a Secret in the Rollout's namespace; never logged or shown in status.")]
    public SecretKeyRef? SecretKeyRef { get; set; }
}
