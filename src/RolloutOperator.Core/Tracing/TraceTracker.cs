using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Tracing;

/// <summary>
/// Which trace the next status records: a new one when a revision starts rolling out (or is retried after an abort),
/// otherwise the one already recorded, kept after the rollout ends so the last trace stays findable.
/// </summary>
public static class TraceTracker
{
    public static TraceStatus? Next(string rolloutUid, RolloutStatus before, RolloutStatus after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var current = before.Trace;
        if (after.CanaryRevision is not { } revision)
        {
            return current;
        }

        if (current is not null && current.Revision == revision && !Retried(before, after))
        {
            return current;
        }

        // The decision that starts (or retries) a revision marks progress at its start, so status already holds the time.
        var startedAt = KubeTime.Truncate(after.LastProgressAt ?? after.StepStartedAt ?? DateTimeOffset.UnixEpoch);
        return new TraceStatus { TraceId = TraceIds.Trace(rolloutUid, revision, startedAt), Revision = revision, StartedAt = startedAt };
    }

    /// <summary>An abort of the revision was cleared while it stays the one rolled out: a retry, which starts over.</summary>
    private static bool Retried(RolloutStatus before, RolloutStatus after) =>
        before.Abort is { } abort
        && abort.Revision == after.CanaryRevision
        && before.CanaryRevision == after.CanaryRevision
        && after.Abort is null;
}
