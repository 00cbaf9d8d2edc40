using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Tracing;

/// <summary>
/// Blue/green phase spans: "preview" from the start until the preview revision was fully available, then "switch" until
/// the active Service selected it (pre-promotion analysis, a child of "switch", and the promotion release happen in between).
/// </summary>
internal static class BlueGreenSpans
{
    public const string PreviewKey = "preview";
    public const string SwitchKey = "switch";

    public static void Add(TraceWindow window, List<SpanRecord> spans)
    {
        if (window.Before is { } b && (b.CanaryRevision != window.Trace.Revision || b.Abort?.Revision == window.Trace.Revision))
        {
            return;
        }

        var before = window.Before?.BlueGreen;
        var after = window.After?.CanaryRevision == window.Trace.Revision ? window.After.BlueGreen : null;

        // A promotion resets the blue/green status in the same write, so its time stands in for what it erased.
        var promotedAt = window.End is { Outcome: RevisionOutcome.Promoted } end ? end.At : (DateTimeOffset?)null;
        var readyAt = after?.PreviewReadyAt ?? promotedAt;
        if (before?.PreviewReadyAt is null && readyAt is { } ready)
        {
            spans.Add(Phase(window, PreviewKey).Build(window.Trace.StartedAt, ready, SpanOutcome.Ok));
        }

        var switchedAt = after?.SwitchedAt ?? promotedAt;
        if (before?.SwitchedAt is null && switchedAt is { } switched)
        {
            spans.Add(Phase(window, SwitchKey).Build(before?.PreviewReadyAt ?? readyAt ?? window.Trace.StartedAt, switched, SpanOutcome.Ok));
        }
        else if (switchedAt is null && window.End is { } ended)
        {
            // Aborted or replaced before the switch: the phase it was in ends with it.
            var phase = (before?.PreviewReadyAt ?? readyAt) is { } since ? (Key: SwitchKey, Start: since) : (Key: PreviewKey, Start: window.Trace.StartedAt);
            spans.Add(Phase(window, phase.Key).With(SpanAttributes.Outcome, ended.Outcome.ToString()).Build(phase.Start, ended.At, ended.SpanOutcome, ended.Message));
        }
    }

    private static SpanBuilder Phase(TraceWindow window, string key) =>
        new SpanBuilder(window, key, window.RootSpanId, $"step {key}")
            .With(SpanAttributes.StepKind, key)
            .With(SpanAttributes.Revision, window.Trace.Revision);
}
