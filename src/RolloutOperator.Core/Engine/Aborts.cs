using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Engine;

internal static class Aborts
{
    /// <summary>
    /// Aborts the revision being rolled out: traffic returns to stable, the canary is scaled down after the abort delay,
    /// and nothing advances until a retry or a new revision.
    /// </summary>
    public static void Abort(DecisionContext ctx, string reason, string message, TimeSpan scaleDownDelay)
    {
        var revision = ctx.Target;
        if (ctx.Status.IsAborted(revision))
        {
            return;
        }

        ctx.Status.Abort = new AbortStatus { Revision = revision, Reason = reason, Message = message, At = ctx.Now };
        ctx.Status.Pauses.RemoveAll(p => p.Reason != PauseReasons.Manual);
        ctx.ScheduleScaleDown(revision, scaleDownDelay);
        ctx.AddHistory(revision, RevisionOutcome.Aborted, message);
        ctx.Events.Add(new RolloutEvent(EventSeverity.Warning, reason, $"Revision {revision} aborted: {message}") { IsAbort = true });
    }

    /// <summary>Clears an abort of the current revision and starts its steps over.</summary>
    public static void Retry(DecisionContext ctx)
    {
        if (!ctx.Status.IsAborted(ctx.Target))
        {
            return;
        }

        RevisionTransitions.ResetProgress(ctx, ctx.Target);
        ctx.Status.ScaleDowns.RemoveAll(s => s.Revision == ctx.Target);
        ctx.Normal("RolloutRetried", $"Retrying revision {ctx.Target} from the first step");
    }
}
