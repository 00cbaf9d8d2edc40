using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Plans;

/// <summary>A validated webhook: where to call, how often, how long to wait and how many failures it may take.</summary>
public sealed record WebhookPlan(
    string Name,
    WebhookType Type,
    Uri Url,
    TimeSpan Timeout,
    TimeSpan Interval,
    int FailureLimit,
    IReadOnlyList<OutboundHeader> Headers,
    IReadOnlyDictionary<string, string> Metadata);
