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
}
