namespace RolloutOperator.Core.Api;

/// <summary>When a webhook is called and what its answer does; see docs/gates.md.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WebhookType>))]
public enum WebhookType
{
    /// <summary>Holds a new revision before any of its pods start, until the endpoint answers 2xx.</summary>
    [JsonStringEnumMemberName("confirm-rollout")]
    ConfirmRollout,

    /// <summary>Runs once the new revision's first pods are available, before any traffic; failures beyond the limit abort.</summary>
    [JsonStringEnumMemberName("pre-rollout")]
    PreRollout,

    /// <summary>Runs at every step (and before a blue/green promotion) like a metric; failures beyond the limit abort.</summary>
    [JsonStringEnumMemberName("rollout")]
    Rollout,

    /// <summary>Holds each canary weight increase until the endpoint answers 2xx.</summary>
    [JsonStringEnumMemberName("confirm-traffic-increase")]
    ConfirmTrafficIncrease,

    /// <summary>Holds the promotion (full traffic, or the blue/green switch) until the endpoint answers 2xx.</summary>
    [JsonStringEnumMemberName("confirm-promotion")]
    ConfirmPromotion,

    /// <summary>Called after the revision became stable; a failure is reported, nothing is rolled back.</summary>
    [JsonStringEnumMemberName("post-rollout")]
    PostRollout,

    /// <summary>Called once per abort of a revision; a failure is reported.</summary>
    [JsonStringEnumMemberName("rollback")]
    Rollback,

    /// <summary>Fire-and-forget notification of every rollout event (delivered by the notification machinery).</summary>
    [JsonStringEnumMemberName("event")]
    Event,
}
