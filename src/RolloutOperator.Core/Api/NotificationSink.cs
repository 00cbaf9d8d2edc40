namespace RolloutOperator.Core.Api;

[Description("One notification sink: where notifications go, how they are shaped, and which triggers it receives.")]
[CelRule("(has(self.webhook) ? 1 : 0) + (has(self.slack) ? 1 : 0) + (has(self.cloudEvents) ? 1 : 0) == 1", "set exactly one of webhook, slack and cloudEvents")]
public sealed class NotificationSink
{
    [Description("Name of the sink, unique within the Rollout (a DNS label). A sink named like an operator-wide default replaces it.")]
    [Required]
    [MaxLength(63)]
    public string Name { get; set; } = "";

    [Description("Triggers delivered to this sink: on-rollout-started, on-step-completed, on-paused, on-gate-waiting, on-analysis-failed, on-aborted, on-promoted, on-rollback.")]
    [Required]
    [MaxLength(16)]
    public List<string> Triggers { get; set; } = [];

    [Description("A generic webhook: a JSON document (or the rendered body template) POSTed to the URL.")]
    public WebhookSink? Webhook { get; set; }

    [Description("A Slack-compatible incoming webhook: a JSON message with text and blocks.")]
    public SlackSink? Slack { get; set; }

    [Description("A CloudEvents 1.0 event over HTTP, in structured or binary content mode.")]
    public CloudEventsSink? CloudEvents { get; set; }
}
