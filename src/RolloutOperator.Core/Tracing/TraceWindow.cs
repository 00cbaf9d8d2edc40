using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Tracing;

/// <summary>
/// One trace seen across one status write: its state before and after (null when the status held another trace or no
/// longer holds this one), and whether its revision rollout ended in between, how and when.
/// </summary>
internal sealed record TraceWindow(TraceStatus Trace, RolloutStatus? Before, RolloutStatus? After, RolloutStatus RawAfter, RevisionEnd? End)
{
    public string RootSpanId => Span("rollout");

    public string Span(string key) => TraceIds.Span(Trace.TraceId, key);

    public static TraceWindow Of(TraceStatus trace, RolloutStatus before, RolloutStatus after)
    {
        var b = before.Trace == trace ? before : null;
        var a = after.Trace == trace ? after : null;

        // A trace that begins in this write was live "before" too: its rollout may end in the same write.
        var liveBefore = b is null || Live(b, trace.Revision);
        var liveAfter = a is not null && Live(a, trace.Revision);
        var end = liveBefore && !liveAfter ? RevisionEnd.Of(trace.Revision, before, after) : null;
        return new TraceWindow(trace, b, a, after, end);
    }

    private static bool Live(RolloutStatus status, string revision) =>
        status.CanaryRevision == revision && status.Abort?.Revision != revision;
}
