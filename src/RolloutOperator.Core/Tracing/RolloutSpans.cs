using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Tracing;

/// <summary>
/// What one status write completed, as spans: a reconcile-based operator never lives through a whole rollout in one
/// call, so the trace is read off the status — each step, phase, gate, analysis run and measurement becomes a span the write
/// that records its end, and the root span (the revision rollout) the write that promotes, aborts or replaces it.
/// </summary>
public static class RolloutSpans
{
    public static IReadOnlyList<SpanRecord> Completed(RolloutPlan? plan, RolloutStatus before, RolloutStatus after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var spans = new List<SpanRecord>();
        foreach (var trace in new[] { before.Trace, after.Trace }.OfType<TraceStatus>().Distinct())
        {
            var window = TraceWindow.Of(trace, before, after);
            switch (plan?.Strategy)
            {
                case CanaryPlan canary:
                    StepSpans.Add(window, canary, spans);
                    break;
                case BlueGreenPlan:
                    BlueGreenSpans.Add(window, spans);
                    break;
            }

            AnalysisSpans.Add(window, plan, spans);
            GateSpans.Add(window, spans);
            AddRoot(window, plan, spans);
        }

        return spans;
    }

    private static void AddRoot(TraceWindow window, RolloutPlan? plan, List<SpanRecord> spans)
    {
        if (window.End is not { } end)
        {
            return;
        }

        var root = new SpanBuilder(window, "rollout", null, "rollout")
            .With(SpanAttributes.Revision, window.Trace.Revision)
            .With(SpanAttributes.Strategy, plan?.Strategy switch { CanaryPlan => "canary", BlueGreenPlan => "blueGreen", _ => null })
            .With(SpanAttributes.Outcome, end.Outcome.ToString())
            .With(SpanAttributes.Message, end.Message);
        spans.Add(root.Build(window.Trace.StartedAt, end.At, end.SpanOutcome, end.Outcome == RevisionOutcome.Promoted ? null : end.Message));
    }
}
