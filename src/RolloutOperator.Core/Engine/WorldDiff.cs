using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>
/// Emits actions only where the observed world differs from the desired one, so a reconcile with nothing to change acts on nothing.
/// Order matters: new pods first, then selectors, then traffic, then scale-downs, so traffic never lands on missing pods.
/// </summary>
internal static class WorldDiff
{
    public static void Apply(DecisionContext ctx, bool routed, List<RolloutAction> actions)
    {
        var world = ctx.World;
        var scaleUps = new List<RolloutAction>();
        var scaleDowns = new List<RolloutAction>();
        foreach (var (revision, replicas) in world.Replicas.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var observed = ctx.Revision(revision);
            if (observed is null || observed.Desired != replicas)
            {
                (observed is null || replicas > observed.Desired ? scaleUps : scaleDowns).Add(new ScaleRevision(revision, replicas));
            }
        }

        actions.InsertRange(0, scaleUps);
        foreach (var (role, revision) in world.Services.OrderBy(s => s.Key))
        {
            if (ctx.Observation.Services.TryGetValue(role, out var current) && current != revision)
            {
                actions.Add(new PointService(role, revision));
            }
        }

        if (routed && !TrafficMatches(ctx))
        {
            actions.Add(new RouteTraffic(world.CanaryWeight, [.. world.HeaderRoutes], [.. world.MirrorRoutes]));
        }

        actions.AddRange(scaleDowns);
    }

    private static bool TrafficMatches(DecisionContext ctx)
    {
        var traffic = ctx.Observation.Traffic;
        if (traffic is null || traffic.CanaryWeight != ctx.World.CanaryWeight)
        {
            return false;
        }

        return TrafficRoutes.Match(ctx.World.HeaderRoutes, ctx.World.MirrorRoutes, traffic);
    }

    public static IReadOnlyList<HeaderRoutePlan> None { get; } = [];
}
