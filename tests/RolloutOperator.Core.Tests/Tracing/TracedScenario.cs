using RolloutOperator.Core.Api;
using RolloutOperator.Core.Tests.Engine.Support;
using RolloutOperator.Core.Tracing;

namespace RolloutOperator.Core.Tests.Tracing;

/// <summary>
/// Replays a scenario's statuses as the controller writes them — each annotated with its trace — and collects the spans
/// each write completed.
/// </summary>
internal static class TracedScenario
{
    public const string Uid = "5b0e3c9e-0000-4000-8000-000000000001";

    public static (List<SpanRecord> Spans, List<RolloutStatus> Written) Replay(Scenario scenario, int from = 0)
    {
        var spans = new List<SpanRecord>();
        var written = new List<RolloutStatus>();
        var before = new RolloutStatus();
        foreach (var decided in scenario.History.Skip(from))
        {
            var next = decided with { Trace = TraceTracker.Next(Uid, before, decided) };
            spans.AddRange(RolloutSpans.Completed(scenario.Plan, before, next));
            written.Add(next);
            before = next;
        }

        return (spans, written);
    }

    /// <summary>Every span of the trace, checked to form one tree: unique ids, one root, every parent present.</summary>
    public static List<SpanRecord> Tree(IEnumerable<SpanRecord> spans, string traceId)
    {
        var trace = spans.Where(s => s.TraceId == traceId).ToList();
        Assert.Equal(trace.Count, trace.Select(s => s.SpanId).Distinct().Count());
        Assert.Single(trace, s => s.ParentSpanId is null);
        Assert.All(trace.Where(s => s.ParentSpanId is not null), s => Assert.Contains(trace, p => p.SpanId == s.ParentSpanId));
        return trace;
    }

    public static object? Attribute(SpanRecord span, string name) => span.Attributes.FirstOrDefault(a => a.Key == name).Value;
}
