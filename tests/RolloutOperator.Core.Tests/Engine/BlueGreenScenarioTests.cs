using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Core.Tests.Engine.Support;
using static RolloutOperator.Core.Tests.Engine.Support.Plans;

namespace RolloutOperator.Core.Tests.Engine;

public sealed class BlueGreenScenarioTests
{
    private static Scenario Healthy(BlueGreenPlan strategy)
    {
        var s = new Scenario(Rollout("v1", strategy));
        s.Cluster.Services.Clear();
        s.Cluster.Services[ServiceRole.Active] = null;
        s.Cluster.Services[ServiceRole.Preview] = null;
        s.RunUntil(x => x.IsHealthy);
        return s;
    }

    [Fact]
    public void PreviewThenManualPromotion_SwitchesActive_OldScaledDownAfterDelay()
    {
        var s = Healthy(BlueGreen(auto: false));
        Assert.Equal("v1", s.Cluster.Services[ServiceRole.Active]);

        s.DeployNew("v2");
        s.RunUntil(x => x.Status.Phase == RolloutPhase.Paused);
        Assert.Equal(PauseReasons.BlueGreen, s.Condition(ConditionTypes.Paused).Reason);
        Assert.Equal("v2", s.Cluster.Services[ServiceRole.Preview]);
        Assert.Equal("v1", s.Cluster.Services[ServiceRole.Active]);
        Assert.Equal(4, s.Cluster.Available("v2"));

        s.Command(CommandKind.Promote);
        s.RunUntil(x => x.Cluster.Services[ServiceRole.Active] == "v2");
        Assert.Equal(4, s.Cluster.Replicas("v1"));
        s.RunUntil(x => x.Status.StableRevision == "v2");
        var promotedAt = s.Now;
        s.RunUntil(x => x.Now - promotedAt >= TimeSpan.FromSeconds(25));
        Assert.Equal(4, s.Cluster.Replicas("v1"));
        s.RunUntil(x => x.IsHealthy && x.Cluster.Replicas("v1") == 0);
        Assert.True(s.Now - promotedAt >= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void AutoPromotionAfterSeconds_WaitsThenSwitches()
    {
        var s = Healthy(BlueGreen(autoSeconds: 60));
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.BlueGreen?.PreviewReadyAt is not null);
        var ready = s.Status.BlueGreen!.PreviewReadyAt!.Value;
        s.RunUntil(x => x.Cluster.Services[ServiceRole.Active] == "v2");
        Assert.True(s.Now >= ready.AddSeconds(60));
        s.RunUntil(x => x.IsHealthy);
    }

    [Fact]
    public void PrePromotionAnalysisFails_ActiveStaysOnOldRevision()
    {
        var s = Healthy(BlueGreen(pre: AnalysisOf(Metric("smoke"))));
        s.Metrics = (_, revision) => revision == "v2" ? [0.1] : [1.0];
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.Abort is not null);
        Assert.Equal(AbortReasons.AnalysisFailed, s.Status.Abort!.Reason);
        s.RunFor(TimeSpan.FromMinutes(2));
        Assert.Equal("v1", s.Cluster.Services[ServiceRole.Active]);
        Assert.Equal(0, s.Cluster.Replicas("v2"));
        Assert.Equal(RolloutPhase.Degraded, s.Status.Phase);
    }

    [Fact]
    public void PrePromotionAnalysisPasses_AutoPromotes()
    {
        var s = Healthy(BlueGreen(pre: AnalysisOf(Metric("smoke"))));
        s.DeployNew("v2");
        s.RunUntil(x => x.IsHealthy && x.Status.StableRevision == "v2");
        Assert.Equal("v2", s.Cluster.Services[ServiceRole.Active]);
        Assert.Equal(AnalysisPhase.Successful, s.Status.Analyses!.Single().Phase);
    }

    [Fact]
    public void PostPromotionAnalysisFails_SwitchesActiveBack()
    {
        var s = Healthy(BlueGreen(post: AnalysisOf(Metric("after", intervalSeconds: 30))));
        var switched = false;
        s.Metrics = (_, _) => [0.2];
        s.DeployNew("v2");
        s.RunUntil(x =>
        {
            switched |= x.Cluster.Services[ServiceRole.Active] == "v2";
            return x.Status.Abort is not null;
        });
        Assert.True(switched);
        s.Reconcile();
        Assert.Equal("v1", s.Cluster.Services[ServiceRole.Active]);
        Assert.Equal(4, s.Cluster.Available("v1"));
        Assert.Equal("v1", s.Status.StableRevision);
        Assert.Equal(RolloutPhase.Degraded, s.Status.Phase);
    }

    [Fact]
    public void AbortBeforeSwitch_ThenRetry_Promotes()
    {
        var s = Healthy(BlueGreen(auto: false));
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.Phase == RolloutPhase.Paused);
        s.Command(CommandKind.Abort);
        s.RunUntil(x => x.Status.Abort is not null);
        s.Command(CommandKind.Retry);
        s.RunUntil(x => x.Status.Phase == RolloutPhase.Paused);
        s.Command(CommandKind.Promote);
        s.RunUntil(x => x.IsHealthy);
        Assert.Equal("v2", s.Status.StableRevision);
    }
}
