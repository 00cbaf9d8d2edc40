namespace RolloutOperator.Core.Tracing;

/// <summary>Collects the attributes of one span, leaving out the ones that have no value.</summary>
internal sealed class SpanBuilder(TraceWindow window, string key, string? parentSpanId, string name)
{
    private readonly List<KeyValuePair<string, object>> _attributes = [];

    public SpanBuilder With(string attribute, object? value)
    {
        if (value is not null && (value is not string text || text.Length > 0))
        {
            _attributes.Add(new(attribute, value));
        }

        return this;
    }

    public SpanRecord Build(DateTimeOffset start, DateTimeOffset end, SpanOutcome outcome = SpanOutcome.Unset, string? message = null) =>
        new(window.Trace.TraceId, window.Span(key), parentSpanId, name, start, end < start ? start : end, outcome, message, _attributes);
}
