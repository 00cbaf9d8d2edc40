namespace RolloutOperator.Core.Api;

[Description("An HTTP header of an outbound request (webhook, web metric, notification): a literal value or a key of a Secret in the Rollout's namespace.")]
[CelRule("has(self.value) != has(self.secretKeyRef)", "set exactly one of value and secretKeyRef")]
public sealed class OutboundHeader
{
    [Description("Header name.")]
    [Required]
    [MaxLength(256)]
    public string Name { get; set; } = "";

    [Description("Literal header value. Never put a credential here: use secretKeyRef.")]
    [MaxLength(4096)]
    public string? Value { get; set; }

    [Description("The header value from a key of a Secret in the Rollout's namespace; never logged or written to status or events.")]
    public SecretKeyRef? SecretKeyRef { get; set; }
}
