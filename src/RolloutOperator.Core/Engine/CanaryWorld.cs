using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>
/// Turns a canary step state into replicas per revision and a traffic weight, and says whether the world has reached it.
/// Weight never moves to pods that are not available, and with dynamic stable scale never away from the stable revision
/// faster than its pods come back.
/// </summary>
internal static class CanaryWorld
{
    /// <summary>A held (paused) rollout freezes: the current step's weight or scale is not pushed further than it already got.</summary>
    public static void ApplyFrozen(DecisionContext ctx, CanaryPlan plan, CanaryStepState state, string canary, string stable)
    {
        var frozen = plan.Router is null
            ? state with { ScaleReplicas = Math.Min(state.CanaryReplicas(ctx.Plan.Replicas), ctx.Revision(canary)?.Desired ?? 0), ScaleWeight = null }
            : state with { Weight = Math.Min(state.Weight, ctx.Observation.Traffic?.CanaryWeight ?? 0) };
        Apply(ctx, plan, frozen, canary, stable);
    }

    public static bool Apply(DecisionContext ctx, CanaryPlan plan, CanaryStepState state, string canary, string stable)
    {
        return plan.Router is null
            ? ApplyReplicaRatio(ctx, plan, state, canary, stable)
            : ApplyRouted(ctx, plan, state, canary, stable);
    }

    private static bool ApplyRouted(DecisionContext ctx, CanaryPlan plan, CanaryStepState state, string canary, string stable)
    {
        var total = ctx.Plan.Replicas;
        var canaryWanted = state.CanaryReplicas(total);
        var canaryReady = ctx.Available(canary) >= canaryWanted;
        var observed = ctx.Observation.Traffic?.CanaryWeight ?? 0;
        var weight = canaryReady ? state.Weight : Math.Min(state.Weight, observed);
        var stableWanted = total;
        if (plan.DynamicStableScale)
        {
            weight = Math.Max(weight, Math.Min(observed, 100 - StablePercent(ctx, stable, total)));
            stableWanted = CanaryStepState.CeilPercent(total, 100 - Math.Min(observed, weight));
        }

        var world = ctx.World;
        world.Replicas[canary] = canaryWanted;
        world.Replicas[stable] = stableWanted;
        world.CanaryWeight = weight;
        world.HeaderRoutes.Clear();
        world.MirrorRoutes.Clear();
        if (ctx.Available(canary) > 0)
        {
            world.HeaderRoutes.AddRange(state.HeaderRoutes);
            world.MirrorRoutes.AddRange(state.MirrorRoutes);
        }

        world.ObservedWeight = ctx.Observation.Traffic?.CanaryWeight;
        return canaryReady && TrafficReached(ctx, state);
    }

    private static bool TrafficReached(DecisionContext ctx, CanaryStepState state)
    {
        var traffic = ctx.Observation.Traffic;
        if (traffic is null || traffic.CanaryWeight != state.Weight)
        {
            return false;
        }

        return TrafficRoutes.Match(state.HeaderRoutes, state.MirrorRoutes, traffic);
    }

    private static int StablePercent(DecisionContext ctx, string stable, int total) =>
        total == 0 ? 100 : (int)Math.Min(100, (long)ctx.Available(stable) * 100 / total);

    private static bool ApplyReplicaRatio(DecisionContext ctx, CanaryPlan plan, CanaryStepState state, string canary, string stable)
    {
        var total = ctx.Plan.Replicas;
        var canaryWanted = state.CanaryReplicas(total);
        var canaryAvailable = ctx.Available(canary);
        var stableNow = ctx.Revision(stable)?.Desired ?? total;
        var canaryNow = ctx.Revision(canary)?.Desired ?? 0;

        // Surge first: the canary may only grow into the room maxSurge leaves above the stable pods that still run.
        var canaryScale = Math.Min(canaryWanted, Math.Max(canaryNow, total + plan.MaxSurge - stableNow));
        var stableTarget = Math.Max(0, total - canaryWanted);
        var stableScale = Math.Clamp(Math.Max(stableTarget, total - canaryAvailable - plan.MaxUnavailable), 0, total);

        var world = ctx.World;
        world.Replicas[canary] = Math.Max(0, canaryScale);
        world.Replicas[stable] = stableScale;
        world.CanaryWeight = state.Weight;
        world.ObservedWeight = ReplicaWeight(ctx, canary, stable);
        return canaryAvailable >= canaryWanted
            && canaryNow == canaryWanted
            && stableNow == stableTarget;
    }

    /// <summary>Traffic and replicas once the revision is aborted: everything back to stable, the canary left to its scale-down.</summary>
    public static void ApplyAborted(DecisionContext ctx, CanaryPlan plan, string canary, string stable)
    {
        var total = ctx.Plan.Replicas;
        var world = ctx.World;
        world.Replicas[stable] = total;
        world.HeaderRoutes.Clear();
        world.MirrorRoutes.Clear();
        var observed = ctx.Observation.Traffic?.CanaryWeight ?? 0;
        world.CanaryWeight = plan.DynamicStableScale && plan.Router is not null
            ? Math.Max(0, Math.Min(observed, 100 - StablePercent(ctx, stable, total)))
            : 0;
        world.ObservedWeight = plan.Router is null ? ReplicaWeight(ctx, canary, stable) : ctx.Observation.Traffic?.CanaryWeight;
    }

    private static int ReplicaWeight(DecisionContext ctx, string canary, string stable)
    {
        var canaryAvailable = ctx.Available(canary);
        var serving = canaryAvailable + ctx.Available(stable);
        return serving == 0 ? 0 : (int)Math.Round(100.0 * canaryAvailable / serving, MidpointRounding.AwayFromZero);
    }
}
