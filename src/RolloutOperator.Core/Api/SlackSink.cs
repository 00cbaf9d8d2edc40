namespace RolloutOperator.Core.Api;

[Description("A Slack-compatible incoming webhook sink.")]
public sealed class SlackSink
{
    [Description("http or https URL of the incoming webhook; its host must be allowed by the operator's --outbound-allowed-hosts.")]
    [Required]
    [MaxLength(2048)]
    public string Url { get; set; } = "";

    [Description("Extra headers, literal or from a Secret in the Rollout's namespace.")]
    [MaxLength(16)]
    public List<OutboundHeader>? Headers { get; set; }
}
