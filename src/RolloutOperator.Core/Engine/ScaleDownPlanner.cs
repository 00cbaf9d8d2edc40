namespace RolloutOperator.Core.Engine;

/// <summary>
/// Old revisions: kept at their current scale until their scale-down time (so a rollback within the delay is instant),
/// then scaled to zero; scaled-down revisions beyond the history limit are deleted.
/// </summary>
internal static class ScaleDownPlanner
{
    public static void Apply(DecisionContext ctx, List<RolloutAction> actions)
    {
        var status = ctx.Status;
        foreach (var scaleDown in status.ScaleDowns.ToList())
        {
            if (ctx.World.Replicas.ContainsKey(scaleDown.Revision) || !ctx.Observation.Revisions.ContainsKey(scaleDown.Revision))
            {
                status.ScaleDowns.Remove(scaleDown);
            }
            else if (scaleDown.At <= ctx.Now)
            {
                ctx.World.Replicas[scaleDown.Revision] = 0;
                status.ScaleDowns.Remove(scaleDown);
                ctx.Normal("RevisionScaledDown", $"Revision {scaleDown.Revision} scaled down");
            }
            else
            {
                ctx.WakeAt(scaleDown.At);
            }
        }

        foreach (var (revision, observed) in ctx.Observation.Revisions)
        {
            if (!ctx.World.Replicas.ContainsKey(revision) && !status.ScaleDowns.Exists(s => s.Revision == revision) && observed.Desired != 0)
            {
                // A revision nobody wants any more, e.g. left over from a superseded rollout: scale it down now.
                ctx.World.Replicas[revision] = 0;
            }
        }

        Prune(ctx, actions);
    }

    private static void Prune(DecisionContext ctx, List<RolloutAction> actions)
    {
        var idle = ctx.Observation.Revisions
            .Where(r => r.Value.Desired == 0 && ctx.World.Replicas.GetValueOrDefault(r.Key) == 0)
            .Where(r => r.Key != ctx.Status.StableRevision && r.Key != ctx.Target)
            .Where(r => !ctx.Status.ScaleDowns.Exists(s => s.Revision == r.Key))
            .OrderByDescending(r => r.Value.CreatedAt)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .Skip(ctx.Plan.RevisionHistoryLimit);
        foreach (var (revision, _) in idle)
        {
            ctx.World.Replicas.Remove(revision);
            actions.Add(new DeleteRevision(revision));
        }
    }
}
