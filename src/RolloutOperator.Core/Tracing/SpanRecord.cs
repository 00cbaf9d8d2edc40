namespace RolloutOperator.Core.Tracing;

/// <summary>
/// One finished span, fully described by status: ids, parent, times and attributes. The controller turns it into an
/// Activity; Core only says what completed.
/// </summary>
/// <param name="ParentSpanId">Null for the root span of a revision rollout.</param>
/// <param name="Attributes">Values are string, long, double or bool.</param>
public sealed record SpanRecord(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    DateTimeOffset Start,
    DateTimeOffset End,
    SpanOutcome Outcome,
    string? StatusMessage,
    IReadOnlyList<KeyValuePair<string, object>> Attributes);
