using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Core.Tests.Engine.Support;
using static RolloutOperator.Core.Tests.Engine.Support.Plans;

namespace RolloutOperator.Core.Tests.Engine;

/// <summary>A mirror route lives from its step until a later step of the same name, the end of the steps, or an abort.</summary>
public sealed class MirrorRouteScenarioTests
{
    private static readonly MirrorRoutePlan Shadow = new("shadow", [], 10);

    private static Scenario PausedWithMirror(params CanaryStepPlan[] after)
    {
        var s = new Scenario(Rollout("v1", CanaryStrategy([new SetMirrorRouteStepPlan(Shadow), Pause(), .. after]), replicas: 10));
        s.RunUntil(x => x.IsHealthy);
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.Phase == RolloutPhase.Paused);
        Assert.Equal(["shadow"], s.Cluster.MirrorRoutes);
        Assert.Equal(["shadow"], s.Status.Traffic!.MirrorRoutes);
        Assert.Equal(0, s.Cluster.CanaryWeight);

        // Mirrored requests need a canary pod to land on, even at weight 0.
        Assert.Equal(1, s.Cluster.Replicas("v2"));
        return s;
    }

    [Fact]
    public void SetMirrorRoute_LaterStepRemovesIt_GoneFromThatStepOn()
    {
        var s = PausedWithMirror(new SetMirrorRouteStepPlan(Shadow with { Percentage = 0 }), Weight(20), Pause());
        s.Command(CommandKind.Promote);
        s.RunUntil(x => x.Status.Phase == RolloutPhase.Paused);

        Assert.Empty(s.Cluster.MirrorRoutes);
        Assert.Equal(20, s.Cluster.CanaryWeight);
        Assert.Null(s.Status.Traffic!.MirrorRoutes);
    }

    [Fact]
    public void SetMirrorRoute_Promotion_RemovesIt()
    {
        var s = PausedWithMirror(Weight(50));
        s.Command(CommandKind.Promote);
        s.RunUntil(x => x.IsHealthy);

        Assert.Empty(s.Cluster.MirrorRoutes);
        Assert.Equal(0, s.Cluster.CanaryWeight);
    }

    [Fact]
    public void SetMirrorRoute_Abort_RemovesIt()
    {
        var s = PausedWithMirror(Weight(50));
        s.Command(CommandKind.Abort);
        s.RunUntil(x => x.Cluster.MirrorRoutes.Count == 0, maxReconciles: 20);

        Assert.Equal(0, s.Cluster.CanaryWeight);
        Assert.Equal(RolloutPhase.Degraded, s.Status.Phase);
    }

    [Fact]
    public void SetMirrorRoute_SameNameNewShare_StepWaitsForTheNewShareAndItIsInForceWithoutAWeightChange()
    {
        var s = PausedWithMirror(new SetMirrorRouteStepPlan(Shadow with { Percentage = 50 }), Pause());

        // A router that keeps the mirror at its old share: the step must not complete on the name alone.
        s.Cluster.FreezeMirrors = true;
        s.Command(CommandKind.Promote);
        s.RunFor(TimeSpan.FromMinutes(2));
        Assert.Equal(2, s.Status.CurrentStepIndex);
        Assert.Equal([new MirrorRouteObservation("shadow", 1000)], s.Cluster.Mirrors);

        s.Cluster.FreezeMirrors = false;
        s.RunUntil(x => x.Status.Phase == RolloutPhase.Paused && x.Status.CurrentStepIndex == 3);
        Assert.Equal([new MirrorRouteObservation("shadow", 5000)], s.Cluster.Mirrors);
        Assert.Equal(0, s.Cluster.CanaryWeight);
    }

    [Fact]
    public void SetMirrorRoute_StepWaitsUntilRouterReportsTheMirror()
    {
        var s = new Scenario(Rollout("v1", CanaryStrategy(new SetMirrorRouteStepPlan(Shadow), Weight(20), Pause()), replicas: 10));
        s.RunUntil(x => x.IsHealthy);

        // A router that reports the weight but not the mirror: the mirror step never completes.
        s.Cluster.DropMirrors = true;
        s.DeployNew("v2");
        s.RunFor(TimeSpan.FromMinutes(2));
        Assert.NotEqual(RolloutPhase.Paused, s.Status.Phase);
        Assert.Equal(0, s.Status.CurrentStepIndex);
    }
}
