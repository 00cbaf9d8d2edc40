namespace RolloutOperator.EndToEnd.Tests.Tracing;

/// <summary>One span as received over OTLP/HTTP, with the resource attributes of the process that sent it.</summary>
internal sealed record OtlpSpan(
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Name,
    DateTimeOffset Start,
    DateTimeOffset End,
    int StatusCode,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyDictionary<string, string> Resource)
{
    public string? this[string attribute] => Attributes.GetValueOrDefault(attribute);
}
