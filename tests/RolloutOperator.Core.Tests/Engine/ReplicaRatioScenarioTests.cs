using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Core.Tests.Engine.Support;
using static RolloutOperator.Core.Tests.Engine.Support.Plans;

namespace RolloutOperator.Core.Tests.Engine;

public sealed class ReplicaRatioScenarioTests
{
    private static Scenario Healthy(CanaryPlan strategy, int replicas = 10)
    {
        var s = new Scenario(Rollout("v1", strategy with { Routers = [] }, replicas));
        s.Cluster.Services.Clear();
        s.RunUntil(x => x.IsHealthy);
        return s;
    }

    [Fact]
    public void Weights_ApproximatedByReplicas_TotalNeverBelowDesired()
    {
        var s = Healthy(CanaryStrategy(Weight(20), Pause(30), Weight(50), Pause(30)));
        s.DeployNew("v2");
        var seen = new List<(int Canary, int Stable)>();
        s.RunUntil(x =>
        {
            Assert.True(x.Cluster.Available("v1") + x.Cluster.Available("v2") >= 10);
            seen.Add((x.Cluster.Replicas("v2"), x.Cluster.Replicas("v1")));
            return x.Status.StableRevision == "v2";
        });
        Assert.Contains((2, 8), seen);
        Assert.Contains((5, 5), seen);
        s.RunUntil(x => x.IsHealthy);
        Assert.Equal(10, s.Cluster.Replicas("v2"));
        Assert.Equal(0, s.Cluster.Replicas("v1"));
    }

    [Fact]
    public void Abort_ScalesCanaryDownAtOnce()
    {
        var s = Healthy(CanaryStrategy(Weight(30), Pause()));
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.Phase == RolloutPhase.Paused);
        Assert.Equal(30, s.Status.Traffic!.ObservedWeight);
        s.Command(CommandKind.Abort);
        s.Reconcile();
        Assert.Equal(0, s.Cluster.Replicas("v2"));
        Assert.Equal(10, s.Cluster.Replicas("v1"));
    }

    [Fact]
    public void SetCanaryScale_OverridesWeightDerivedReplicas()
    {
        var s = Healthy(CanaryStrategy(new SetCanaryScaleStepPlan(3, null), Weight(10), Pause()), replicas: 10);
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.Phase == RolloutPhase.Paused);
        Assert.Equal(3, s.Cluster.Replicas("v2"));
    }
}
