using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Tracing;

/// <summary>How and when a revision rollout ended, read from the history entry (or abort) the same write added.</summary>
internal sealed record RevisionEnd(RevisionOutcome Outcome, DateTimeOffset At, string? Message)
{
    public static RevisionEnd Of(string revision, RolloutStatus before, RolloutStatus after)
    {
        var known = (before.History ?? []).ToHashSet();
        if ((after.History ?? []).FirstOrDefault(h => h.Revision == revision && !known.Contains(h)) is { } entry)
        {
            return new RevisionEnd(entry.Outcome, entry.At, entry.Message);
        }

        if (after.Abort is { } abort && abort.Revision == revision)
        {
            return new RevisionEnd(RevisionOutcome.Aborted, abort.At, abort.Message);
        }

        // No entry (history full of equal entries, or an edited status): still close the trace, at the last progress.
        return new RevisionEnd(RevisionOutcome.Superseded, after.LastProgressAt ?? before.LastProgressAt ?? DateTimeOffset.UnixEpoch, null);
    }

    public SpanOutcome SpanOutcome => Outcome switch
    {
        RevisionOutcome.Promoted => SpanOutcome.Ok,
        RevisionOutcome.Aborted => SpanOutcome.Error,
        _ => SpanOutcome.Unset,
    };
}
