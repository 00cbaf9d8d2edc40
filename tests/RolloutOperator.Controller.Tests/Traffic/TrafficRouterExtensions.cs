using RolloutOperator.Controller.Traffic;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Tests.Traffic;

/// <summary>The weight-and-header-routes shape of <see cref="ITrafficRouter.ApplyAsync"/>, for tests that set no mirror route.</summary>
internal static class TrafficRouterExtensions
{
    public static Task ApplyAsync(this ITrafficRouter router, TrafficRoutingContext context, int canaryWeight, IReadOnlyList<HeaderRoutePlan> headerRoutes, CancellationToken cancellationToken) =>
        router.ApplyAsync(context, new DesiredTraffic(canaryWeight, headerRoutes, []), cancellationToken);
}
