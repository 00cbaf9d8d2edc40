using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Tests.Engine.Support;
using static RolloutOperator.Core.Tests.Engine.Support.Plans;

namespace RolloutOperator.Core.Tests.Engine;

public sealed class CanaryScenarioTests
{
    private static Scenario HealthyAt(string revision, Core.Plans.RolloutPlan plan)
    {
        var scenario = new Scenario(plan with { Revision = revision });
        scenario.RunUntil(s => s.IsHealthy);
        return scenario;
    }

    [Fact]
    public void HappyPath_StepsWeightsPauseAndAnalysis_PromotesThenScalesOldDownAfterDelay()
    {
        var plan = Canary("v1", Weight(20), Pause(30), AnalysisStep(Metric("success")), Weight(50), Pause(10));
        var s = HealthyAt("v1", plan);
        Assert.Equal("v1", s.Status.StableRevision);
        Assert.Equal(4, s.Cluster.Replicas("v1"));

        s.DeployNew("v2");
        var weights = new List<int>();
        s.RunUntil(x =>
        {
            weights.Add(x.Cluster.CanaryWeight);
            return x.Status.StableRevision == "v2";
        });

        Assert.Equal([0, 20, 50, 100], weights.Distinct().ToArray());
        Assert.Equal(AnalysisPhase.Successful, s.Status.Analyses!.Single(a => a.Key == "step-2").Phase);

        // The old revision keeps all its pods for the scale-down delay (instant rollback), then scales to zero.
        var promotedAt = s.Now;
        s.RunUntil(x => x.Now - promotedAt >= TimeSpan.FromSeconds(25));
        Assert.Equal(4, s.Cluster.Replicas("v1"));
        s.RunUntil(x => x.IsHealthy && x.Cluster.Replicas("v1") == 0);
        Assert.True(s.Now - promotedAt >= TimeSpan.FromSeconds(30));
        Assert.Equal(0, s.Cluster.CanaryWeight);
        Assert.Equal("v2", s.Cluster.Services[ServiceRole.Stable]);
        Assert.Equal(ConditionStatus.True, s.Condition(ConditionTypes.Ready).Status);
        Assert.Contains(s.Events, e => e.Reason == "RolloutPromoted");
        Assert.Equal(RevisionOutcome.Promoted, s.Status.History![0].Outcome);
    }

    [Fact]
    public void StepAnalysisFails_Aborts_TrafficBackToStableCanaryScaledDownDegraded()
    {
        var plan = Canary("v1", Weight(20), AnalysisStep(Metric("success")), Weight(60));
        var s = HealthyAt("v1", plan);
        s.Metrics = (_, revision) => revision == "v2" ? [0.5] : [1.0];
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.Abort is not null);

        Assert.Equal(AbortReasons.AnalysisFailed, s.Status.Abort!.Reason);
        s.RunUntil(x => x.Cluster.Replicas("v2") == 0 && x.Cluster.CanaryWeight == 0);
        Assert.Equal(4, s.Cluster.Replicas("v1"));
        Assert.Equal(RolloutPhase.Degraded, s.Status.Phase);
        Assert.Equal(AbortReasons.AnalysisFailed, s.Condition(ConditionTypes.Degraded).Reason);
        Assert.Contains(s.Events, e => e.Reason == "AnalysisFailed" && e.Severity == EventSeverity.Warning);

        // Nothing advances until a new revision or a retry.
        s.RunFor(TimeSpan.FromMinutes(30));
        Assert.Equal(0, s.Cluster.CanaryWeight);
        Assert.Equal("v1", s.Status.StableRevision);
        Assert.Equal(1, s.Status.CurrentStepIndex);
    }

    [Fact]
    public void InconclusiveAnalysis_Pauses_ThenPromoteAdvances()
    {
        var plan = Canary("v1", Weight(20), AnalysisStep(ConditionMetric("success", "result >= 0.99", "result < 0.9")), Weight(60));
        var s = HealthyAt("v1", plan);
        s.Metrics = (_, _) => [0.95];
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.Phase == RolloutPhase.Paused);

        Assert.Equal(PauseReasons.Inconclusive, s.Condition(ConditionTypes.Paused).Reason);
        s.RunFor(TimeSpan.FromHours(1));
        Assert.Equal(20, s.Cluster.CanaryWeight);
        Assert.Equal(RolloutPhase.Paused, s.Status.Phase);

        s.Command(CommandKind.Promote);
        s.RunUntil(x => x.Cluster.CanaryWeight == 60);
        s.RunUntil(x => x.IsHealthy);
        Assert.Equal("v2", s.Status.StableRevision);
    }

    [Fact]
    public void InconclusiveAnalysis_Pauses_ThenAbortRollsBack()
    {
        var plan = Canary("v1", Weight(20), AnalysisStep(ConditionMetric("success", "result >= 0.99", "result < 0.9")), Weight(60));
        var s = HealthyAt("v1", plan);
        s.Metrics = (_, _) => [0.95];
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.Phase == RolloutPhase.Paused);
        s.Command(CommandKind.Abort);
        s.RunUntil(x => x.Status.Abort is not null && x.Cluster.CanaryWeight == 0);
        Assert.Equal(AbortReasons.UserAbort, s.Status.Abort!.Reason);
    }

    [Fact]
    public void BackgroundAnalysisFailing_AtAnyStep_Aborts()
    {
        var strategy = CanaryStrategy(Weight(20), Pause(60), Weight(40), Pause(60)) with
        {
            Background = AnalysisOf(Metric("errors", count: null, intervalSeconds: 20)),
            BackgroundStartingStep = 1,
        };
        var s = HealthyAt("v1", Rollout("v1", strategy));
        var healthyUntil = DateTimeOffset.MaxValue;
        s.Metrics = (_, _) => s.Now < healthyUntil ? [1.0] : [0.2];
        s.DeployNew("v2");
        s.RunUntil(x => x.Cluster.CanaryWeight == 40);
        Assert.Null(s.Status.Abort);
        Assert.True(s.Status.Analyses!.Single(a => a.Key == "background").Metrics[0].Successful > 0);

        healthyUntil = s.Now;
        s.RunUntil(x => x.Status.Abort is not null);
        Assert.Equal(AbortReasons.AnalysisFailed, s.Status.Abort!.Reason);
        Assert.Contains("background", s.Status.Abort.Message, StringComparison.Ordinal);
        s.RunUntil(x => x.Cluster.CanaryWeight == 0);
    }

    [Fact]
    public void IndefinitePause_PromoteOneStep_AdvancesOneStepOnly()
    {
        var plan = Canary("v1", Weight(20), Pause(), Weight(40), Pause(), Weight(80));
        var s = HealthyAt("v1", plan);
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.Phase == RolloutPhase.Paused);
        s.RunFor(TimeSpan.FromHours(2));
        Assert.Equal(1, s.Status.CurrentStepIndex);
        Assert.Equal(PauseReasons.CanaryStep, s.Condition(ConditionTypes.Paused).Reason);
        Assert.Equal(ConditionStatus.True, s.Condition(ConditionTypes.Paused).Status);

        s.Command(CommandKind.Promote);
        s.RunUntil(x => x.Status.Phase == RolloutPhase.Paused && x.Status.CurrentStepIndex == 3);
        Assert.Equal(40, s.Cluster.CanaryWeight);
    }

    [Fact]
    public void IndefinitePause_PromoteFull_SkipsRemainingStepsAndPromotes()
    {
        var plan = Canary("v1", Weight(20), Pause(), AnalysisStep(Metric("never")), Weight(40), Pause());
        var s = HealthyAt("v1", plan);
        s.Metrics = (_, _) => [0.0];
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.Phase == RolloutPhase.Paused);
        s.Command(CommandKind.PromoteFull);
        s.RunUntil(x => x.IsHealthy);
        Assert.Equal("v2", s.Status.StableRevision);
        Assert.Null(s.Status.Abort);
    }

    [Fact]
    public void ManualAbort_ThenRetry_ResumesFromFirstStepAndPromotes()
    {
        var plan = Canary("v1", Weight(25), Pause(20), Weight(50), Pause(20));
        var s = HealthyAt("v1", plan);
        s.DeployNew("v2");
        s.RunUntil(x => x.Cluster.CanaryWeight == 50);
        s.Command(CommandKind.Abort);
        s.RunUntil(x => x.Status.Abort is not null && x.Cluster.CanaryWeight == 0);
        Assert.Equal(RolloutPhase.Degraded, s.Status.Phase);
        Assert.Equal(AbortReasons.UserAbort, s.Condition(ConditionTypes.Degraded).Reason);

        s.Command(CommandKind.Retry);
        s.Reconcile();
        Assert.Null(s.Status.Abort);
        Assert.Equal(0, s.Status.CurrentStepIndex);
        s.RunUntil(x => x.IsHealthy);
        Assert.Equal("v2", s.Status.StableRevision);
    }

    [Fact]
    public void NewRevisionMidRollout_SupersedesInFlightCanary()
    {
        var plan = Canary("v1", Weight(20), Pause(), Weight(100));
        var s = HealthyAt("v1", plan);
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.Phase == RolloutPhase.Paused);
        Assert.Equal(1, s.Cluster.Replicas("v2"));

        s.DeployNew("v3");
        s.RunUntil(x => x.Cluster.Replicas("v2") == 0 && x.Status.CanaryRevision == "v3" && x.Cluster.CanaryWeight == 20);
        Assert.Equal("v1", s.Status.StableRevision);
        Assert.Equal("v3", s.Cluster.Services[ServiceRole.Canary]);
        Assert.Contains(s.Status.History!, h => h.Revision == "v2" && h.Outcome == RevisionOutcome.Superseded);
    }

    [Fact]
    public void SpecReturnsToStable_FastRollback_NoSteps()
    {
        var plan = Canary("v1", Weight(20), Pause(), Weight(100));
        var s = HealthyAt("v1", plan);
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.Phase == RolloutPhase.Paused);

        s.DeployNew("v1");
        var decision = s.Reconcile();
        Assert.Contains(decision.Actions, a => a is RouteTraffic { CanaryWeight: 0 });
        Assert.Null(s.Status.CanaryRevision);
        Assert.Contains(s.Events, e => e.Reason == "FastRollback");
        s.RunUntil(x => x.IsHealthy && x.Cluster.Replicas("v2") == 0);
        Assert.Contains(s.Status.History!, h => h.Revision == "v2" && h.Outcome == RevisionOutcome.RolledBack);
    }

    [Fact]
    public void RollbackWindow_RecentStableRevision_SkipsSteps()
    {
        var plan = Canary("v1", Weight(20), Pause(), Weight(100)) with { RollbackWindowRevisions = 2 };
        var s = HealthyAt("v1", plan);
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.Phase == RolloutPhase.Paused);
        s.Command(CommandKind.PromoteFull);
        s.RunUntil(x => x.IsHealthy);

        s.DeployNew("v1");
        var from = s.History.Count;
        s.RunUntil(x => x.IsHealthy);
        Assert.Equal("v1", s.Status.StableRevision);
        Assert.DoesNotContain(s.History.Skip(from), h => h.Phase == RolloutPhase.Paused);
        Assert.Contains(s.Events, e => e.Reason == "RollbackWindow");
    }

    [Fact]
    public void RollbackWindow_Zero_RollbackToOlderRevisionRunsSteps()
    {
        var plan = Canary("v1", Weight(20), Pause(), Weight(100));
        var s = HealthyAt("v1", plan);
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.Phase == RolloutPhase.Paused);
        s.Command(CommandKind.PromoteFull);
        s.RunUntil(x => x.IsHealthy);

        s.DeployNew("v1");
        s.RunUntil(x => x.Status.Phase == RolloutPhase.Paused);
        Assert.Equal("v1", s.Status.CanaryRevision);
    }

    [Theory]
    [InlineData(false, RolloutPhase.Degraded)]
    [InlineData(true, RolloutPhase.Degraded)]
    public void ProgressDeadline_CanaryNeverReady_ReportsOrAborts(bool abort, RolloutPhase expected)
    {
        var plan = Canary("v1", Weight(20), Pause(30), Weight(100)) with { ProgressDeadlineAbort = abort };
        var s = HealthyAt("v1", plan);
        s.Cluster.CrashLooping.Add("v2");
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.Phase == expected, maxReconciles: 400);

        Assert.Equal(AbortReasons.ProgressDeadline, s.Condition(ConditionTypes.Degraded).Reason);
        Assert.Equal(0, s.Cluster.CanaryWeight);
        if (abort)
        {
            Assert.Equal(AbortReasons.ProgressDeadline, s.Status.Abort!.Reason);
            s.RunUntil(x => x.Cluster.Replicas("v2") == 0);
        }
        else
        {
            Assert.Null(s.Status.Abort);
            s.Cluster.CrashLooping.Clear();
            s.RunUntil(x => x.IsHealthy);
            Assert.Equal("v2", s.Status.StableRevision);
        }
    }

    [Fact]
    public void CanaryPodsCrashLoop_DeadlineFires_NoTrafficEverShifted()
    {
        var plan = Canary("v1", Weight(30), Pause(30), Weight(100)) with { ProgressDeadlineAbort = true, ProgressDeadline = TimeSpan.FromMinutes(5) };
        var s = HealthyAt("v1", plan);
        s.Cluster.CrashLooping.Add("v2");
        s.DeployNew("v2");
        var weights = new List<int>();
        s.RunUntil(x =>
        {
            weights.Add(x.Cluster.CanaryWeight);
            return x.Status.Abort is not null;
        }, maxReconciles: 400);

        Assert.All(weights, w => Assert.Equal(0, w));
        Assert.Equal(AbortReasons.ProgressDeadline, s.Status.Abort!.Reason);
        Assert.Contains("canary pods available", s.Status.Abort.Message, StringComparison.Ordinal);
        Assert.Equal(4, s.Cluster.Available("v1"));
    }

    [Fact]
    public void ProgressDeadline_FiresNoEarlierThanConfigured_AndDecisionAsksToWakeForIt()
    {
        var plan = Canary("v1", Weight(20)) with { ProgressDeadline = TimeSpan.FromMinutes(3) };
        var s = HealthyAt("v1", plan);
        s.Cluster.CrashLooping.Add("v2");
        s.DeployNew("v2");
        var started = s.Now;
        var decision = s.Reconcile();
        Assert.NotNull(decision.RequeueAfter);
        Assert.True(decision.RequeueAfter <= TimeSpan.FromMinutes(3));
        s.RunUntil(x => x.Status.Phase == RolloutPhase.Degraded, maxReconciles: 100, tick: TimeSpan.FromSeconds(10));
        Assert.True(s.Now - started >= TimeSpan.FromMinutes(3));
    }

    [Fact]
    public void StableUnhealthyWhileCanaryProgresses_StepsHoldUntilStableRecovers()
    {
        var plan = Canary("v1", Weight(20), Weight(40), Weight(60));
        var s = HealthyAt("v1", plan);
        s.Cluster.AvailableCap["v1"] = 2;
        s.DeployNew("v2");
        s.RunFor(TimeSpan.FromMinutes(2));

        Assert.Equal(0, s.Status.CurrentStepIndex);
        Assert.Contains("stable revision v1", s.Status.Message, StringComparison.Ordinal);
        Assert.Equal(RolloutPhase.Progressing, s.Status.Phase);

        s.Cluster.AvailableCap.Clear();
        s.RunUntil(x => x.IsHealthy);
        Assert.Equal("v2", s.Status.StableRevision);
    }

    [Fact]
    public void TrafficNotObserved_StepDoesNotAdvance()
    {
        var plan = Canary("v1", Weight(20), Weight(50));
        var s = HealthyAt("v1", plan);
        s.Cluster.RouterObserves = false;
        s.DeployNew("v2");
        s.RunFor(TimeSpan.FromMinutes(2));
        Assert.Equal(0, s.Status.CurrentStepIndex);
        Assert.Null(s.Status.Traffic!.ObservedWeight);

        s.Cluster.RouterObserves = true;
        s.RunUntil(x => x.Status.CurrentStepIndex == 1);
        Assert.Equal(20, s.Status.Traffic!.ObservedWeight);
    }

    [Fact]
    public void NamedServiceMissing_HoldsWithoutMovingTraffic_ThenContinues()
    {
        var plan = Canary("v1", Weight(20), Weight(60));
        var s = HealthyAt("v1", plan);
        s.MissingServices = [ServiceRole.Canary];
        s.DeployNew("v2");
        s.RunFor(TimeSpan.FromMinutes(2));
        Assert.Equal(0, s.Status.CurrentStepIndex);
        Assert.Equal(0, s.Cluster.CanaryWeight);
        Assert.Equal(4, s.Cluster.Replicas("v1"));
        Assert.Contains("canary Service: not found", s.Status.Message, StringComparison.Ordinal);

        s.MissingServices = [];
        s.RunUntil(x => x.IsHealthy);
        Assert.Equal("v2", s.Status.StableRevision);
    }

    [Fact]
    public void IdleHealthyRollout_DecidesNothing()
    {
        var s = HealthyAt("v1", Canary("v1", Weight(20)));
        s.Advance(TimeSpan.FromMinutes(5));
        var before = s.Status;
        var decision = s.Reconcile();
        Assert.Empty(decision.Actions);
        Assert.Empty(decision.Events);
        Assert.Null(decision.RequeueAfter);
        Assert.Equal(ApiJson.Serialize(before), ApiJson.Serialize(decision.Status));
    }

    [Fact]
    public void CommandForOlderRevision_IsIgnoredAndReported()
    {
        var plan = Canary("v1", Weight(20), Pause(), Weight(100));
        var s = HealthyAt("v1", plan);
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.Phase == RolloutPhase.Paused);
        s.Command(CommandKind.Abort, revision: "v1");
        s.Reconcile();
        Assert.Null(s.Status.Abort);
        Assert.Contains(s.Events, e => e.Reason == "CommandIgnored");
    }

    [Fact]
    public void ManualPauseAndResume_HoldAndRelease()
    {
        var plan = Canary("v1", Weight(20), Weight(60));
        var s = HealthyAt("v1", plan);
        s.DeployNew("v2");
        s.Command(CommandKind.Pause);
        s.RunFor(TimeSpan.FromMinutes(5));
        Assert.Equal(RolloutPhase.Paused, s.Status.Phase);
        Assert.Equal(PauseReasons.Manual, s.Condition(ConditionTypes.Paused).Reason);
        Assert.Equal(0, s.Cluster.CanaryWeight);

        s.Command(CommandKind.Resume);
        s.RunUntil(x => x.IsHealthy);
    }

    [Fact]
    public void FirstReconcile_ReadyUnknownThenTrue()
    {
        var s = new Scenario(Canary("v1", Weight(20)));
        s.Reconcile();
        Assert.Equal(ConditionStatus.Unknown, s.Condition(ConditionTypes.Ready).Status);
        s.RunUntil(x => x.IsHealthy);
        Assert.Equal(ConditionStatus.True, s.Condition(ConditionTypes.Ready).Status);
        Assert.All(s.Status.Conditions!, c => Assert.Equal(1, c.ObservedGeneration));
    }
}
