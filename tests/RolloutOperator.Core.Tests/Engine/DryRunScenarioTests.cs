using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Tests.Engine.Support;
using static RolloutOperator.Core.Tests.Engine.Support.Plans;

namespace RolloutOperator.Core.Tests.Engine;

public sealed class DryRunScenarioTests
{
    [Fact]
    public void DryRunStepMetricFails_RolloutPromotes_VerdictReportedOnceAsDryRun()
    {
        var plan = Canary("v1", Weight(20), AnalysisStep(Metric("gate"), Metric("trial", count: 2) with { DryRun = true }), Weight(60));
        var s = new Scenario(plan);
        s.RunUntil(x => x.IsHealthy);
        s.Metrics = (name, revision) => name == "trial" && revision == "v2" ? [0.5] : [1.0];

        s.DeployNew("v2");
        s.RunUntil(x => x.IsHealthy && x.Status.StableRevision == "v2");

        Assert.Null(s.Status.Abort);
        Assert.DoesNotContain(s.History, h => h.Phase is RolloutPhase.Degraded or RolloutPhase.Paused);
        var dryRun = Assert.Single(s.Events, e => e.Reason.StartsWith("DryRun", StringComparison.Ordinal));
        Assert.Equal(("DryRunMetricFailed", EventSeverity.Warning), (dryRun.Reason, dryRun.Severity));
        Assert.Contains("Dry-run metric trial of analysis step-1 (revision v2) failed; the rollout is not affected: 1 failed measurement exceeds failureLimit 0", dryRun.Message, StringComparison.Ordinal);
        Assert.Contains(s.Events, e => e.Reason == "AnalysisSucceeded" && e.Message.Contains("dry-run metric trial failed (never decides)", StringComparison.Ordinal));
    }

    [Fact]
    public void BackgroundDryRunMetricFails_PromotionIsNotHeld()
    {
        var plan = Canary("v1", Weight(20), Pause(30), Weight(60));
        var canary = (Core.Plans.CanaryPlan)plan.Strategy;
        plan = plan with { Strategy = canary with { Background = AnalysisOf(Metric("gate", count: null), Metric("trial", count: null) with { DryRun = true }) } };
        var s = new Scenario(plan);
        s.RunUntil(x => x.IsHealthy);
        s.Metrics = (name, revision) => name == "trial" && revision == "v2" ? [0.1] : [1.0];

        s.DeployNew("v2");
        s.RunUntil(x => x.IsHealthy && x.Status.StableRevision == "v2");

        Assert.Null(s.Status.Abort);
        Assert.Single(s.Events, e => e.Reason == "DryRunMetricFailed");
    }
}
