using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Plans;

/// <summary>A validated sink: its address passed the outbound rules; <see cref="Triggers"/> holds known trigger names only.</summary>
public sealed record NotificationSinkPlan(string Name, NotificationSinkKind Kind, IReadOnlySet<string> Triggers, Uri Address)
{
    public IReadOnlyList<OutboundHeader> Headers { get; init; } = [];

    /// <summary>The webhook body template; null sends the notification document.</summary>
    public BodyTemplate? Body { get; init; }

    public string ContentType { get; init; } = BodyTemplate.JsonContentType;

    public CloudEventsMode Mode { get; init; } = CloudEventsMode.Structured;

    /// <summary>An event webhook's own metadata, sent with every call.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Per-request timeout; null: the operator's outbound default.</summary>
    public TimeSpan? Timeout { get; init; }
}
