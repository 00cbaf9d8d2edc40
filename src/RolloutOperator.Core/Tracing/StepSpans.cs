using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Tracing;

/// <summary>
/// Canary step spans: every step that completed in this write, from when it started (status.stepStartedAt) to when the
/// next one started; and, when the rollout ended, the step it ended in (an error on abort).
/// </summary>
internal static class StepSpans
{
    public static string Key(int index) => $"step/{index}";

    public static void Add(TraceWindow window, CanaryPlan plan, List<SpanRecord> spans)
    {
        if (window.Before is { } b && (b.CanaryRevision != window.Trace.Revision || b.Abort?.Revision == window.Trace.Revision))
        {
            return;
        }

        var from = window.Before?.CurrentStepIndex ?? 0;
        // Span times are whole seconds like every other recorded time; a step start keeps sub-second digits for pauses only.
        var fromStart = KubeTime.Truncate(window.Before?.StepStartedAt ?? window.Trace.StartedAt);
        var (to, reachedAt) = Reached(window, plan, from);
        for (var index = from; index < to && index < plan.Steps.Count; index++)
        {
            var start = index == from ? fromStart : reachedAt;
            spans.Add(Step(window, plan, index).Build(start, reachedAt, SpanOutcome.Ok));
        }

        if (window.End is { Outcome: not RevisionOutcome.Promoted } end && to < plan.Steps.Count)
        {
            var start = to == from ? fromStart : reachedAt;
            spans.Add(Step(window, plan, to).With(SpanAttributes.Outcome, end.Outcome.ToString()).Build(start, end.At, end.SpanOutcome, end.Message));
        }
    }

    /// <summary>The step index reached after the write and when (the next step's start, or the promotion).</summary>
    private static (int Index, DateTimeOffset At) Reached(TraceWindow window, CanaryPlan plan, int from)
    {
        if (window.After is { } a && a.CanaryRevision == window.Trace.Revision && a.CurrentStepIndex is { } index)
        {
            return (index, KubeTime.Truncate(a.StepStartedAt ?? a.LastProgressAt ?? window.Trace.StartedAt));
        }

        return window.End is { Outcome: RevisionOutcome.Promoted } end ? (plan.Steps.Count, end.At) : (from, window.End?.At ?? window.Trace.StartedAt);
    }

    private static SpanBuilder Step(TraceWindow window, CanaryPlan plan, int index)
    {
        var kind = StepKinds.Of(plan.Steps[index]);
        return new SpanBuilder(window, Key(index), window.RootSpanId, $"step {kind}")
            .With(SpanAttributes.StepIndex, (long)index)
            .With(SpanAttributes.StepKind, kind)
            .With(SpanAttributes.Revision, window.Trace.Revision);
    }
}
