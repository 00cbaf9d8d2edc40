using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Core.Tests.Engine.Support;
using static RolloutOperator.Core.Tests.Engine.Support.Plans;

namespace RolloutOperator.Core.Tests.Engine;

public sealed class TrafficFeatureTests
{
    private static Scenario Healthy(CanaryPlan strategy)
    {
        var s = new Scenario(Rollout("v1", strategy, replicas: 10));
        s.RunUntil(x => x.IsHealthy);
        return s;
    }

    [Fact]
    public void SetHeaderRoute_RoutePresentWhileStepsRun_RemovedAtPromotion()
    {
        var route = new HeaderRoutePlan("beta", [new HeaderMatchPlan("x-beta", StringMatchKind.Exact, "1")]);
        var s = Healthy(CanaryStrategy(new SetHeaderRouteStepPlan(route), Pause(), Weight(50)));
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.Phase == RolloutPhase.Paused);
        Assert.Equal(["beta"], s.Cluster.HeaderRoutes);
        Assert.Equal(0, s.Cluster.CanaryWeight);
        Assert.Equal(1, s.Cluster.Replicas("v2"));

        s.Command(CommandKind.Promote);
        s.RunUntil(x => x.IsHealthy);
        Assert.Empty(s.Cluster.HeaderRoutes);
    }

    [Fact]
    public void DynamicStableScale_StableShrinksAsTrafficLeaves_AndGrowsBeforeTrafficReturns()
    {
        var s = Healthy(CanaryStrategy(Weight(50), Pause()) with { DynamicStableScale = true });
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.Phase == RolloutPhase.Paused);
        s.RunFor(TimeSpan.FromSeconds(30));
        Assert.Equal(5, s.Cluster.Replicas("v1"));

        s.Command(CommandKind.Abort);
        var weights = new List<(int Weight, int StableAvailable)>();
        s.RunUntil(x =>
        {
            weights.Add((x.Cluster.CanaryWeight, x.Cluster.Available("v1")));
            return x.Cluster.CanaryWeight == 0;
        });

        // Traffic left the canary only as stable pods came back.
        Assert.All(weights, w => Assert.True(w.Weight >= 100 - (w.StableAvailable * 10)));
        Assert.Equal(10, s.Cluster.Replicas("v1"));
    }

    [Fact]
    public void WeightNeverMovesToUnavailableCanaryPods()
    {
        var s = Healthy(CanaryStrategy(Weight(30), Weight(60)));
        s.Cluster.ReadyDelay = TimeSpan.FromSeconds(40);
        s.DeployNew("v2");
        s.RunUntil(x =>
        {
            var needed = (int)Math.Ceiling(x.Cluster.CanaryWeight * 10 / 100.0);
            Assert.True(x.Cluster.Available("v2") >= needed, $"weight {x.Cluster.CanaryWeight} with {x.Cluster.Available("v2")} canary pods");
            return x.IsHealthy && x.Status.StableRevision == "v2";
        });
    }

    [Fact]
    public void OldRevisions_BeyondHistoryLimit_AreDeleted()
    {
        var s = Healthy(CanaryStrategy(Weight(50)));
        foreach (var revision in new[] { "v2", "v3", "v4", "v5", "v6" })
        {
            s.Advance(TimeSpan.FromMinutes(1));
            s.DeployNew(revision);
            s.RunUntil(x => x.IsHealthy && x.Status.StableRevision == revision);
            s.RunFor(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(["v1", "v2"], s.Cluster.Deleted.Order().ToArray());
        Assert.Equal(0, s.Cluster.Replicas("v5"));
    }
}
