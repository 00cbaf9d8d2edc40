using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>
/// The traffic and scale that hold while step <c>index</c> executes: the effects of every step up to and including it.
/// Past the last step the canary takes all traffic and header and mirror routes are gone, ready for promotion. A header
/// or mirror route lasts from its step until a later step of the same name removes it, or the step list ends.
/// </summary>
public sealed record CanaryStepState(int Weight, int? ScaleReplicas, int? ScaleWeight, IReadOnlyList<HeaderRoutePlan> HeaderRoutes)
{
    public IReadOnlyList<MirrorRoutePlan> MirrorRoutes { get; init; } = [];

    public static CanaryStepState At(CanaryPlan plan, int index)
    {
        if (index >= plan.Steps.Count)
        {
            return new CanaryStepState(100, null, null, []);
        }

        var weight = 0;
        int? scaleReplicas = null;
        int? scaleWeight = null;
        var routes = new List<HeaderRoutePlan>();
        var mirrors = new List<MirrorRoutePlan>();
        for (var i = 0; i <= index; i++)
        {
            switch (plan.Steps[i])
            {
                case SetWeightStepPlan step:
                    weight = step.Weight;
                    break;
                case SetCanaryScaleStepPlan step:
                    (scaleReplicas, scaleWeight) = (step.Replicas, step.Weight);
                    break;
                case SetHeaderRouteStepPlan step:
                    routes.RemoveAll(r => r.Name == step.Route.Name);
                    if (step.Route.Matches.Count > 0)
                    {
                        routes.Add(step.Route);
                    }

                    break;
                case SetMirrorRouteStepPlan step:
                    mirrors.RemoveAll(r => r.Name == step.Route.Name);
                    if (step.Route.Hundredths > 0)
                    {
                        mirrors.Add(step.Route);
                    }

                    break;
            }
        }

        return new CanaryStepState(weight, scaleReplicas, scaleWeight, routes) { MirrorRoutes = mirrors };
    }

    public static int CeilPercent(int total, int percent) => (int)(((long)total * percent + 99) / 100);

    /// <summary>Canary pods this state asks for: an explicit scale wins over the traffic weight; header and mirror routes need one pod.</summary>
    public int CanaryReplicas(int total)
    {
        var replicas = ScaleReplicas ?? CeilPercent(total, ScaleWeight ?? Weight);
        return HeaderRoutes.Count + MirrorRoutes.Count > 0 ? Math.Max(1, replicas) : replicas;
    }
}
