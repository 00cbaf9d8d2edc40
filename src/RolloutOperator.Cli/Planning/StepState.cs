using RolloutOperator.Core.Plans;

namespace RolloutOperator.Cli.Planning;

/// <summary>
/// The traffic and scale in force at a canary step: the effects of every step up to it. Mirrors the engine's
/// CanaryStepState (internal to Core), so the plan shows the replica counts the operator will ask for.
/// </summary>
internal sealed record StepState(int Weight, int? ScaleReplicas, int? ScaleWeight, IReadOnlyList<string> HeaderRoutes)
{
    /// <summary>Mirror routes in force, as "name percentage%".</summary>
    public IReadOnlyList<string> MirrorRoutes { get; init; } = [];

    public static StepState At(CanaryPlan plan, int index)
    {
        if (index >= plan.Steps.Count)
        {
            return new StepState(100, null, null, []);
        }

        var (weight, scaleReplicas, scaleWeight) = (0, (int?)null, (int?)null);
        var routes = new List<string>();
        var mirrors = new List<MirrorRoutePlan>();
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
                case SetMirrorRouteStepPlan s:
                    mirrors.RemoveAll(m => m.Name == s.Route.Name);
                    if (s.Route.Hundredths > 0)
                    {
                        mirrors.Add(s.Route);
                    }

                    break;
            }
        }

        return new StepState(weight, scaleReplicas, scaleWeight, routes) { MirrorRoutes = [.. mirrors.Select(MirrorText)] };
    }

    public static string MirrorText(MirrorRoutePlan route) =>
        $"{route.Name} {route.Percentage.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}%";

    public static int CeilPercent(int total, int percent) => (int)(((long)total * percent + 99) / 100);

    public int CanaryReplicas(int total)
    {
        var replicas = ScaleReplicas ?? CeilPercent(total, ScaleWeight ?? Weight);
        return HeaderRoutes.Count + MirrorRoutes.Count > 0 ? Math.Max(1, replicas) : replicas;
    }

    public int StableReplicas(CanaryPlan plan, int total) => plan.Router is null
        ? Math.Max(0, total - CanaryReplicas(total))
        : plan.DynamicStableScale ? CeilPercent(total, 100 - Weight) : total;
}
