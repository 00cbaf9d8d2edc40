namespace RolloutOperator.Core.Api;

[Description("A generic webhook sink.")]
public sealed class WebhookSink
{
    [Description("http or https URL; its host must be allowed by the operator's --outbound-allowed-hosts.")]
    [Required]
    [MaxLength(2048)]
    public string Url { get; set; } = "";

    [Description("Extra headers, literal or from a Secret in the Rollout's namespace.")]
    [MaxLength(16)]
    public List<OutboundHeader>? Headers { get; set; }

    [Description("Body template with placeholders such as {{rollout}}, {{revision}}, {{trigger}} and {{message}}; unset sends the documented JSON document.")]
    [MaxLength(4096)]
    public string? Body { get; set; }

    [Description("Content-Type of the body. When it names JSON, placeholder values are inserted JSON-escaped.")]
    [DefaultValue("application/json")]
    [MaxLength(128)]
    public string? ContentType { get; set; }
}
