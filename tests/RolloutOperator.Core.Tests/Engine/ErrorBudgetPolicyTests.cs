using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Core.Tests.Engine.Support;
using static RolloutOperator.Core.Tests.Engine.Support.Plans;

namespace RolloutOperator.Core.Tests.Engine;

public sealed class ErrorBudgetPolicyTests
{
    // 99.9% over 30 days: the budget is an error ratio of 0.001. A ratio of 0.0009 leaves 10% of it.
    private static readonly ErrorBudgetPlan Policy = new(
        99.9, null, "bad", "total", TimeSpan.FromDays(30), 25, TimeSpan.FromMinutes(1), 2, new PrometheusMetric());

    private static Scenario HealthyV1()
    {
        var plan = Canary("v1", Weight(20), Pause(30), Weight(60)) with { ErrorBudget = Policy };
        var s = new Scenario(plan);
        s.RunUntil(x => x.IsHealthy);
        return s;
    }

    [Fact]
    public void LowBudget_NewRevision_WaitsBeforeFirstStepWithReason_ThenGoesWhenBudgetRecovers()
    {
        var s = HealthyV1();
        s.ErrorRatio = () => 0.0009;
        s.DeployNew("v2");
        s.RunFor(TimeSpan.FromMinutes(3));

        Assert.Equal(0, s.Cluster.CanaryWeight);
        Assert.Equal(0, s.Cluster.Replicas("v2"));
        Assert.Equal(RolloutPhase.Paused, s.Status.Phase);
        Assert.Equal(PauseReasons.ErrorBudget, s.Condition(ConditionTypes.Paused).Reason);
        Assert.Contains("error budget remaining 10% is below minRemainingPercent 25%", s.Status.Message);
        Assert.Equal(10, s.Status.ErrorBudget!.RemainingPercent);
        Assert.Single(s.Events, e => e.Reason == "ErrorBudgetFreeze");

        s.ErrorRatio = () => 0.0001;
        s.RunUntil(x => x.Status.StableRevision == "v2");
        Assert.Contains(s.Events, e => e.Reason == "ErrorBudgetReleased");
    }

    [Fact]
    public void HealthyBudget_NewRevision_TakesItsSteps()
    {
        var s = HealthyV1();
        s.ErrorRatio = () => 0.0001;
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.StableRevision == "v2");

        Assert.DoesNotContain(s.History, st => st.Pauses?.Any(p => p.Reason == PauseReasons.ErrorBudget) == true);
        Assert.Equal("v2", s.Status.ErrorBudget!.AdmittedRevision);
    }

    [Fact]
    public void LowBudget_RevisionMarkedAsFix_IsNotHeld()
    {
        var s = HealthyV1();
        s.ErrorRatio = () => 0.002;
        s.DeployNew("v2");
        s.RunFor(TimeSpan.FromSeconds(30));
        Assert.Equal(RolloutPhase.Paused, s.Status.Phase);

        s.Command(CommandKind.MarkFix, "v2");
        s.RunUntil(x => x.Status.StableRevision == "v2");
        Assert.Contains(s.Events, e => e.Reason == "ErrorBudgetReleased" && e.Message.Contains("marked as a fix", StringComparison.Ordinal));
    }

    [Fact]
    public void LowBudget_FixCommandForAnotherRevision_DoesNotReleaseTheFreeze()
    {
        var s = HealthyV1();
        s.ErrorRatio = () => 0.002;
        s.DeployNew("v2");
        s.Command(CommandKind.MarkFix, "v3");
        s.RunFor(TimeSpan.FromMinutes(2));

        Assert.Equal(RolloutPhase.Paused, s.Status.Phase);
        Assert.Equal(0, s.Cluster.Replicas("v2"));
    }

    [Fact]
    public void LowBudget_RollbackToAPreviouslyStableRevision_IsNeverHeld()
    {
        var s = HealthyV1();
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.StableRevision == "v2" && x.IsHealthy);
        s.ErrorRatio = () => 0.002;

        s.DeployNew("v1");
        s.RunUntil(x => x.Status.StableRevision == "v1");
        Assert.DoesNotContain(s.History, st => st.Pauses?.Any(p => p.Reason == PauseReasons.ErrorBudget) == true);
        Assert.Contains(s.Events, e => e.Reason == "ErrorBudgetExempt");
    }

    [Fact]
    public void ProviderDown_BeyondErrorLimit_BudgetUnknownHoldsNewRevision()
    {
        var s = HealthyV1();
        // Within consecutiveErrorLimit (2) the last reading stands; the third failure in a row makes the budget unknown.
        s.ErrorRatio = () => throw new InvalidOperationException("connection refused");
        s.RunFor(TimeSpan.FromMinutes(3));
        s.DeployNew("v2");
        s.RunFor(TimeSpan.FromMinutes(2));

        Assert.Equal(RolloutPhase.Paused, s.Status.Phase);
        Assert.Contains("the error budget is unknown", s.Status.Message);
        Assert.Contains("connection refused", s.Status.Message);
        Assert.Equal(0, s.Cluster.Replicas("v2"));
    }

    [Fact]
    public void NoData_IsNeverAPass()
    {
        var s = new Scenario(Canary("v1", Weight(20)) with { ErrorBudget = Policy }) { ErrorRatio = () => double.NaN };
        s.RunUntil(x => x.IsHealthy);
        s.DeployNew("v2");
        s.RunFor(TimeSpan.FromMinutes(2));

        Assert.Equal(RolloutPhase.Paused, s.Status.Phase);
        Assert.Contains("no data", s.Status.ErrorBudget!.Message);
    }

    [Fact]
    public void Budget_IsMeasuredAtMostOncePerInterval()
    {
        var s = HealthyV1();
        var asked = 0;
        s.ErrorRatio = () =>
        {
            asked++;
            return 0;
        };
        s.RunFor(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5));

        Assert.InRange(asked, 5, 6);
    }

    [Fact]
    public void BlueGreen_LowBudget_PreviewGetsNoPodsUntilMarkedAsFix()
    {
        var s = new Scenario(Rollout("v1", BlueGreen()) with { ErrorBudget = Policy });
        s.Cluster.Services[ServiceRole.Active] = null;
        s.Cluster.Services[ServiceRole.Preview] = null;
        s.RunUntil(x => x.IsHealthy);
        s.ErrorRatio = () => 0.002;
        s.DeployNew("v2");
        s.RunFor(TimeSpan.FromMinutes(2));

        Assert.Equal(RolloutPhase.Paused, s.Status.Phase);
        Assert.Equal(PauseReasons.ErrorBudget, s.Condition(ConditionTypes.Paused).Reason);
        Assert.Equal(0, s.Cluster.Replicas("v2"));
        Assert.Equal(4, s.Cluster.Replicas("v1"));
        Assert.Equal("v1", s.Cluster.Services[ServiceRole.Active]);

        s.Command(CommandKind.MarkFix, "v2");
        s.RunUntil(x => x.Status.StableRevision == "v2");
    }

    [Fact]
    public void PolicyAddedWhileARevisionAlreadyHasPods_DoesNotPullItBack()
    {
        var plan = Canary("v1", Weight(20), Pause(), Weight(60));
        var s = new Scenario(plan);
        s.RunUntil(x => x.IsHealthy);
        s.DeployNew("v2");
        s.RunUntil(x => x.Cluster.CanaryWeight == 20 && x.Status.Phase == RolloutPhase.Paused);

        s.ErrorRatio = () => 0.002;
        s.Plan = s.Plan with { ErrorBudget = Policy };
        s.RunFor(TimeSpan.FromMinutes(2));

        Assert.Equal(20, s.Cluster.CanaryWeight);
        Assert.Equal("v2", s.Status.ErrorBudget!.AdmittedRevision);
        Assert.DoesNotContain(s.Events, e => e.Reason == "ErrorBudgetFreeze");
    }
}
