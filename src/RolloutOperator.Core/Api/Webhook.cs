namespace RolloutOperator.Core.Api;

[Description("A webhook gate or hook: an HTTP POST with a JSON body describing the rollout; a 2xx answer passes. See docs/gates.md.")]
public sealed class Webhook
{
    [Description("Webhook name, unique within the Rollout.")]
    [Required]
    [MaxLength(63)]
    [Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    public string Name { get; set; } = "";

    [Description("When it is called: confirm-rollout, pre-rollout, rollout, confirm-traffic-increase, confirm-promotion, post-rollout, rollback or event.")]
    [Required]
    public WebhookType? Type { get; set; }

    [Description("Absolute http or https URL; its host must be in the operator's --outbound-allowed-hosts.")]
    [Required]
    [MaxLength(2048)]
    public string Url { get; set; } = "";

    [Description("Timeout of one call, retries of transient failures included; capped by the operator.")]
    [DefaultValue("10s")]
    [MaxLength(32)]
    [Pattern(Durations.Pattern)]
    public string? Timeout { get; set; }

    [Description("Time between calls while the gate waits or after a failed call.")]
    [DefaultValue("10s")]
    [MaxLength(32)]
    [Pattern(Durations.Pattern)]
    public string? Interval { get; set; }

    [Description("pre-rollout and rollout: failed calls tolerated per gate, one more aborts the revision. post-rollout and rollback: extra attempts after a failure.")]
    [DefaultValue(0)]
    [Range(0, 100)]
    public int? FailureLimit { get; set; }

    [Description("Extra request headers; values from Secrets of the Rollout's namespace via secretKeyRef.")]
    [MaxLength(16)]
    [ListMapKeys("name")]
    public List<OutboundHeader>? Headers { get; set; }

    [Description("Sent as the payload's metadata object (at most 16 entries).")]
    [MaxLength(16)]
    public Dictionary<string, string>? Metadata { get; set; }
}
