using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Core.Tests.Engine.Support;
using static RolloutOperator.Core.Tests.Engine.Support.Plans;

namespace RolloutOperator.Core.Tests.Engine;

/// <summary>
/// Decisions whose status depends on how the steps' outcomes are combined: a step that waits followed by one that does
/// not (the background analysis runs after the steps), and a deadline abort after the strategy decided.
/// </summary>
public sealed class OutcomeCombinationScenarioTests
{
    private static RolloutPlan WithBackground(params CanaryStepPlan[] steps) => Rollout("v1", CanaryStrategy(steps) with
    {
        Background = AnalysisOf(Metric("errors", count: null, intervalSeconds: 20)),
        BackgroundStartingStep = 0,
    });

    private static Scenario Rolling(RolloutPlan plan)
    {
        var s = new Scenario(plan);
        s.RunUntil(x => x.IsHealthy);
        s.DeployNew("v2");
        return s;
    }

    [Fact]
    public void BackgroundAnalysisRunning_StepWaitsForCanaryPods_StatusSaysWhatTheStepWaitsFor()
    {
        var s = Rolling(WithBackground(Weight(20), Weight(60)));
        s.Cluster.AvailableCap["v2"] = 1;

        s.RunFor(TimeSpan.FromMinutes(2));

        Assert.Equal(1, s.Status.CurrentStepIndex);
        Assert.Equal(AnalysisPhase.Running, s.Status.Analyses!.Single(a => a.Key == CanaryDecider.BackgroundKey).Phase);
        Assert.Equal(RolloutPhase.Progressing, s.Status.Phase);
        Assert.StartsWith("step 2/2: waiting for canary weight 60", s.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BackgroundAnalysisRunning_ConfirmGateHolds_GateReasonAndHeldWeightStay()
    {
        var hook = new WebhookPlan(
            "approve", WebhookType.ConfirmTrafficIncrease, new Uri("http://hooks.test/approve"), TimeSpan.FromSeconds(5),
            TimeSpan.FromSeconds(10), 0, [], new Dictionary<string, string>());
        var s = Rolling(WithBackground(Weight(20), Weight(60)) with { Webhooks = [hook] });
        s.Webhooks = due => due.Gate.Scope == CanaryGates.StepScope(0);

        s.RunFor(TimeSpan.FromMinutes(2));

        Assert.Equal(1, s.Status.CurrentStepIndex);
        Assert.Equal(AnalysisPhase.Running, s.Status.Analyses!.Single(a => a.Key == CanaryDecider.BackgroundKey).Phase);
        Assert.StartsWith("waiting for confirm-traffic-increase gate approve", s.Status.Message, StringComparison.Ordinal);
        Assert.Equal(GateKeeper.WaitingForConfirmation, s.Condition(ConditionTypes.Progressing).Reason);
        Assert.Equal(20, s.Status.Traffic!.DesiredWeight);
        Assert.Equal(20, s.Cluster.CanaryWeight);
    }

    [Fact]
    public void ProgressDeadlineAborts_TheAbortingDecisionAlreadyWantsTheAbortedWorld()
    {
        var s = Rolling(Canary("v1", Weight(20), Weight(60)) with { ProgressDeadlineAbort = true });
        s.RunUntil(x => x.Status.CurrentStepIndex == 1 && x.Cluster.CanaryWeight == 20);
        s.Cluster.AvailableCap["v2"] = 1;

        s.RunUntil(x => x.Status.Abort is not null, maxReconciles: 400);

        // Up to the abort the world held the reached weight; the very decision that aborts sends all traffic back.
        Assert.Equal(AbortReasons.ProgressDeadline, s.Status.Abort!.Reason);
        Assert.Contains(s.History, h => h.Traffic?.DesiredWeight == 20);
        Assert.Equal(0, s.Last.Status.Traffic!.DesiredWeight);
        Assert.Equal(0, s.Cluster.CanaryWeight);
        Assert.Equal(RolloutPhase.Degraded, s.Status.Phase);
        Assert.Contains("step 2/2: waiting for canary weight 60", s.Status.Abort.Message, StringComparison.Ordinal);
    }
}
