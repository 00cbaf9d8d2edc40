namespace RolloutOperator.Core.Api;

[Description("A CloudEvents 1.0 HTTP sink.")]
public sealed class CloudEventsSink
{
    [Description("http or https URL; its host must be allowed by the operator's --outbound-allowed-hosts.")]
    [Required]
    [MaxLength(2048)]
    public string Url { get; set; } = "";

    [Description("Extra headers, literal or from a Secret in the Rollout's namespace.")]
    [MaxLength(16)]
    public List<OutboundHeader>? Headers { get; set; }

    [Description("Structured (the whole event as application/cloudevents+json) or Binary (ce-* headers, the data as the body).")]
    [DefaultValue("Structured")]
    public CloudEventsMode? Mode { get; set; }
}
