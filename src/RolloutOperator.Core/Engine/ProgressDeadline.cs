using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>
/// Bounds every wait that is not an explicit, reported pause or a running analysis (bounded by its own limits):
/// replicas that never become available, traffic that never reaches its weight, a stable revision that stays short.
/// </summary>
internal static class ProgressDeadline
{
    public static void Apply(DecisionContext ctx, TimeSpan abortScaleDownDelay)
    {
        var status = ctx.Status;
        var revision = status.CanaryRevision ?? status.StableRevision!;
        if (IsHealthy(ctx) || status.IsAborted(revision))
        {
            status.LastProgressAt = null;
            return;
        }

        if (status.Pauses.Count > 0 || ctx.Plan.Paused || ctx.WaitingOnAnalysis)
        {
            return;
        }

        status.LastProgressAt ??= ctx.Now;
        var deadline = Api.KubeTime.After(status.LastProgressAt.Value, ctx.Plan.ProgressDeadline);
        if (ctx.Now < deadline)
        {
            ctx.WakeAt(deadline);
            return;
        }

        if (ctx.Plan.ProgressDeadlineAbort && status.CanaryRevision is not null)
        {
            Aborts.Abort(ctx, AbortReasons.ProgressDeadline, $"no progress for {Api.Durations.Format(ctx.Plan.ProgressDeadline)}: {ctx.Waiting ?? "waiting"}", abortScaleDownDelay);
            return;
        }

        ctx.DeadlineExceeded = true;
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
