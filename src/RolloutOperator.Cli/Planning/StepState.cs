using RolloutOperator.Core.Plans;

namespace RolloutOperator.Cli.Planning;

/// <summary>
/// The traffic and scale in force at a canary step: the effects of every step up to it. Mirrors the engine's
/// CanaryStepState (internal to Core), so the plan shows the replica counts the operator will ask for.
/// </summary>
internal sealed record StepState(int Weight, int? ScaleReplicas, int? ScaleWeight, IReadOnlyList<string> HeaderRoutes)
{
    public static StepState At(CanaryPlan plan, int index)
    {
        if (index >= plan.Steps.Count)
        {
            return new StepState(100, null, null, []);
        }

        var (weight, scaleReplicas, scaleWeight) = (0, (int?)null, (int?)null);
        var routes = new List<string>();
        foreach (var step in plan.Steps.Take(index + 1))
        {
            switch (step)
            {
                case SetWeightStepPlan s:
                    weight = s.Weight;
                    break;
                case SetCanaryScaleStepPlan s:
                    (scaleReplicas, scaleWeight) = (s.Replicas, s.Weight);
                    break;
                case SetHeaderRouteStepPlan s:
                    routes.Remove(s.Route.Name);
                    if (s.Route.Matches.Count > 0)
                    {
                        routes.Add(s.Route.Name);
                    }

                    break;
            }
        }

        return new StepState(weight, scaleReplicas, scaleWeight, routes);
    }

    public static int CeilPercent(int total, int percent) => (int)(((long)total * percent + 99) / 100);

    public int CanaryReplicas(int total)
    {
        var replicas = ScaleReplicas ?? CeilPercent(total, ScaleWeight ?? Weight);
        return HeaderRoutes.Count > 0 ? Math.Max(1, replicas) : replicas;
    }

    public int StableReplicas(CanaryPlan plan, int total) => plan.Router is null
        ? Math.Max(0, total - CanaryReplicas(total))
        : plan.DynamicStableScale ? CeilPercent(total, 100 - Weight) : total;
}
