using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Tracing;

/// <summary>
/// Webhook gate and hook spans: one per gate of the revision when it passes or fails (or when the rollout ends while it
/// waits), from when it started waiting to its last call. A step's gate is a child of the step; the others of the root.
/// </summary>
internal static class GateSpans
{
    public static void Add(TraceWindow window, List<SpanRecord> spans)
    {
        var current = (window.After ?? (window.End is not null ? window.Before : null))?.Gates ?? [];
        foreach (var gate in current.Where(g => g.Revision == window.Trace.Revision && g.Since >= window.Trace.StartedAt))
        {
            var previous = window.Before?.Gates?.Find(g => g.Name == gate.Name && g.Scope == gate.Scope && g.Since == gate.Since);
            if (gate.Phase != GatePhase.Waiting && previous is null or { Phase: GatePhase.Waiting })
            {
                var outcome = gate.Phase == GatePhase.Passed ? SpanOutcome.Ok : SpanOutcome.Error;
                spans.Add(Gate(window, gate).Build(gate.Since, gate.LastCalledAt ?? gate.Since, outcome, gate.Message));
            }
            else if (gate.Phase == GatePhase.Waiting && window.End is { } end)
            {
                spans.Add(Gate(window, gate).With(SpanAttributes.Outcome, end.Outcome.ToString()).Build(gate.Since, end.At));
            }
        }
    }

    private static SpanBuilder Gate(TraceWindow window, GateStatus gate)
    {
        var type = ApiJson.Serialize(gate.Type).Trim('"');
        var parent = gate.StepIndex is { } step ? window.Span(StepSpans.Key(step)) : window.RootSpanId;
        return new SpanBuilder(window, $"gate/{gate.Name}/{gate.Scope}/{TraceIds.Seconds(gate.Since)}", parent, $"gate {type}")
            .With(SpanAttributes.GateName, gate.Name)
            .With(SpanAttributes.GateType, type)
            .With(SpanAttributes.GateScope, gate.Scope)
            .With(SpanAttributes.GatePhase, gate.Phase.ToString())
            .With(SpanAttributes.GateAttempts, (long)gate.Attempts)
            .With(SpanAttributes.GateStatusCode, gate.LastStatusCode is { } code ? (long)code : null)
            .With(SpanAttributes.Revision, gate.Revision)
            .With(SpanAttributes.Message, gate.Message);
    }
}
