using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>
/// Bounds every wait that is not an explicit, reported pause or a running analysis (bounded by its own limits):
/// replicas that never become available, traffic that never reaches its weight, a stable revision that stays short.
/// </summary>
internal static class ProgressDeadline
{
    /// <summary>
    /// Starts, keeps or enforces the deadline for what <paramref name="decided"/> waits on: aborts the revision when the
    /// spec says so, otherwise reports the deadline as exceeded.
    /// </summary>
    public static StepOutcome Apply(DecisionContext ctx, TimeSpan abortScaleDownDelay, StepOutcome decided)
    {
        var status = ctx.Status;
        var revision = status.CanaryRevision ?? status.StableRevision!;
        if (IsHealthy(ctx) || status.IsAborted(revision))
        {
            status.LastProgressAt = null;
            return StepOutcome.Passed;
        }

        if (status.Pauses.Count > 0 || ctx.Plan.Paused || decided.WaitingOnAnalysis)
        {
            return StepOutcome.Passed;
        }

        status.LastProgressAt ??= ctx.Now;
        var deadline = Api.KubeTime.After(status.LastProgressAt.Value, ctx.Plan.ProgressDeadline);
        if (ctx.Now < deadline)
        {
            ctx.WakeAt(deadline);
            return StepOutcome.Passed;
        }

        if (ctx.Plan.ProgressDeadlineAbort && status.CanaryRevision is not null)
        {
            Aborts.Abort(ctx, AbortReasons.ProgressDeadline, $"no progress for {Api.Durations.Format(ctx.Plan.ProgressDeadline)}: {decided.Waiting ?? "waiting"}", abortScaleDownDelay);
            return StepOutcome.Abort;
        }

        return new StepOutcome { DeadlineExceeded = true };
    }

    /// <summary>Stable is the revision in the spec, fully available, selected by its Services, with no traffic on any canary.</summary>
    public static bool IsHealthy(DecisionContext ctx)
    {
        var status = ctx.Status;
        if (status.CanaryRevision is not null || status.StableRevision != ctx.Target)
        {
            return false;
        }

        var observed = ctx.Revision(status.StableRevision);
        return observed is not null
            && observed.FullyAvailable(ctx.Plan.Replicas)
            && (ctx.World.ObservedWeight ?? 0) == 0
            && ctx.World.CanaryWeight == 0
            && ServicesMatch(ctx);
    }

    private static bool ServicesMatch(DecisionContext ctx) =>
        ctx.World.Services.All(s => !ctx.Observation.Services.TryGetValue(s.Key, out var current) || current == s.Value);
}
