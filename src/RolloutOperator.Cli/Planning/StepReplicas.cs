using System.Globalization;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Cli.Planning;

/// <summary>
/// What the plan shows of a canary step's <see cref="CanaryStepState"/>, the engine's own state, so the plan shows the
/// replica counts the operator will ask for.
/// </summary>
internal static class StepReplicas
{
    public static string MirrorText(MirrorRoutePlan route) =>
        $"{route.Name} {route.Percentage.ToString("0.##", CultureInfo.InvariantCulture)}%";

    public static IReadOnlyList<string> HeaderRoutes(CanaryStepState state) => [.. state.HeaderRoutes.Select(r => r.Name)];

    public static IReadOnlyList<string> MirrorRoutes(CanaryStepState state) => [.. state.MirrorRoutes.Select(MirrorText)];

    /// <summary>Stable pods while the state holds: the rest of the replicas without a router, else all (or the complement of the weight when scaled dynamically).</summary>
    public static int Stable(CanaryStepState state, CanaryPlan plan, int total) => plan.Router is null
        ? Math.Max(0, total - state.CanaryReplicas(total))
        : plan.DynamicStableScale ? CanaryStepState.CeilPercent(total, 100 - state.Weight) : total;
}
