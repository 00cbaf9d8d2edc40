using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Tests.Engine.Support;
using RolloutOperator.Testing;
using static RolloutOperator.Core.Tests.Engine.Support.Plans;

namespace RolloutOperator.Core.Tests.Engine;

/// <summary>
/// What a Flux health check (kstatus) concludes about a Rollout in every phase the decider reaches: in progress while a
/// revision is rolled out or paused, failed on an abort, an exceeded deadline or an invalid spec, current only when done.
/// </summary>
public sealed class KstatusConditionTests
{
    private const string Weighted = "mid-canary at 20%";

    public static TheoryData<string, string> Phases => new()
    {
        { "first revision starting", Kstatus.InProgress },
        { "healthy", Kstatus.Current },
        { Weighted, Kstatus.InProgress },
        { "paused until promoted", Kstatus.InProgress },
        { "analysis running", Kstatus.InProgress },
        { "paused on an inconclusive analysis", Kstatus.InProgress },
        { "aborted by analysis", Kstatus.Failed },
        { "progress deadline exceeded", Kstatus.Failed },
        { "progress deadline aborted", Kstatus.Failed },
        { "invalid spec", Kstatus.Failed },
        { "new spec not yet observed", Kstatus.InProgress },
        { "blue-green preview waiting for promotion", Kstatus.InProgress },
        { "promoted, old revision in scale-down delay", Kstatus.Current },
        { "rolled back in the spec after an abort", Kstatus.Current },
    };

    [Theory]
    [MemberData(nameof(Phases))]
    public void Compute_Phase_MatchesWhatTheRolloutIsDoing(string phase, string expected)
    {
        var (status, generation) = Reach(phase);

        Assert.Equal(expected, Kstatus.Compute(Resource(status, generation)));
        var conditions = status.Conditions!;
        Assert.False(IsTrue(conditions, ConditionTypes.Reconciling) && IsTrue(conditions, ConditionTypes.Stalled), "Reconciling and Stalled are never both True");
    }

    [Theory]
    [MemberData(nameof(Phases))]
    public void Conditions_Phase_ReconcilingAndStalledFollowThePhase(string phase, string expected)
    {
        var (status, _) = Reach(phase);
        if (phase == "new spec not yet observed")
        {
            return; // kstatus decides this one from the generations alone, before any condition
        }

        Assert.Equal(expected == Kstatus.InProgress, IsTrue(status.Conditions!, ConditionTypes.Reconciling));
        Assert.Equal(expected == Kstatus.Failed, IsTrue(status.Conditions!, ConditionTypes.Stalled));
        Assert.Equal(expected == Kstatus.Current, IsTrue(status.Conditions!, ConditionTypes.Ready));
    }

    [Fact]
    public void Conditions_MidCanary_ReasonAndMessageSayWhatIsRolledOut()
    {
        var (status, _) = Reach(Weighted);

        var reconciling = status.Conditions!.Single(c => c.Type == ConditionTypes.Reconciling);
        Assert.Equal("CanaryPauseStep", reconciling.Reason);
        Assert.StartsWith("paused (CanaryPauseStep) until", reconciling.Message, StringComparison.Ordinal);
        var stalled = status.Conditions!.Single(c => c.Type == ConditionTypes.Stalled);
        Assert.Equal((ConditionStatus.False, "NotStalled", ""), (stalled.Status, stalled.Reason, stalled.Message));
    }

    [Fact]
    public void Conditions_Aborted_StalledCarriesTheAbortReason()
    {
        var (status, _) = Reach("aborted by analysis");

        var stalled = status.Conditions!.Single(c => c.Type == ConditionTypes.Stalled);
        Assert.Equal(AbortReasons.AnalysisFailed, stalled.Reason);
        Assert.Contains("aborted", stalled.Message, StringComparison.Ordinal);
        Assert.Equal(ConditionStatus.False, status.Conditions!.Single(c => c.Type == ConditionTypes.Reconciling).Status);
    }

    private static (RolloutStatus Status, long Generation) Reach(string phase)
    {
        var canary = Canary("v1", Weight(20), Pause(60), AnalysisStep(Metric("success", count: 3)), Pause(), Weight(60));
        switch (phase)
        {
            case "first revision starting":
                var first = new Scenario(canary);
                first.Reconcile();
                return (first.Status, first.Generation);
            case "healthy":
                var healthy = Healthy(canary);
                return (healthy.Status, healthy.Generation);
            case Weighted:
                return Deploy(canary, s => s.Cluster.CanaryWeight == 20 && s.Status.Phase == RolloutPhase.Paused);
            case "paused until promoted":
                return Deploy(canary, s => s.Status.Pauses?.Any(p => p.ResumeAt is null) == true);
            case "analysis running":
                return Deploy(canary, s => s.Status.Analyses?.Any(a => a.Key == "step-2" && a.Metrics[0].Successful == 1) == true);
            case "paused on an inconclusive analysis":
                return Deploy(Canary("v1", Weight(20), AnalysisStep(ConditionMetric("success", "result >= 0.99", "result < 0.5"))), s => s.Status.Phase == RolloutPhase.Paused, [0.7]);
            case "aborted by analysis":
                return Deploy(canary, s => s.Status.Abort is not null, [0.5]);
            case "progress deadline exceeded":
                return Stuck(abort: false);
            case "progress deadline aborted":
                return Stuck(abort: true);
            case "invalid spec":
                var valid = Healthy(canary);
                var invalid = RolloutDecider.Invalid(valid.Status, ["spec.strategy.canary.steps[0].setWeight: must be at most 100, got 120"], valid.Generation + 1, valid.Now);
                return (invalid.Status, valid.Generation + 1);
            case "new spec not yet observed":
                var lagging = Healthy(canary);
                return (lagging.Status, lagging.Generation + 1);
            case "blue-green preview waiting for promotion":
                var blueGreen = Healthy(Rollout("v1", BlueGreen(auto: false)));
                blueGreen.DeployNew("v2");
                blueGreen.RunUntil(s => s.Status.Phase == RolloutPhase.Paused);
                return (blueGreen.Status, blueGreen.Generation);
            case "promoted, old revision in scale-down delay":
                return Deploy(Canary("v1", Weight(50)), s => s.Status.StableRevision == "v2" && s.IsHealthy && s.Cluster.Replicas("v1") > 0);
            default:
                var rolledBack = Healthy(canary);
                rolledBack.Metrics = (_, revision) => revision == "v2" ? [0.5] : [1.0];
                rolledBack.DeployNew("v2");
                rolledBack.RunUntil(s => s.Status.Abort is not null);
                rolledBack.DeployNew("v1");
                rolledBack.RunUntil(s => s.IsHealthy);
                return (rolledBack.Status, rolledBack.Generation);
        }
    }

    private static Scenario Healthy(Core.Plans.RolloutPlan plan)
    {
        var scenario = new Scenario(plan);
        scenario.RunUntil(s => s.IsHealthy);
        return scenario;
    }

    private static (RolloutStatus, long) Deploy(Core.Plans.RolloutPlan plan, Func<Scenario, bool> reached, IReadOnlyList<double>? canaryValues = null)
    {
        var scenario = Healthy(plan);
        scenario.Metrics = (_, revision) => revision == "v2" && canaryValues is not null ? canaryValues : [1.0];
        scenario.DeployNew("v2");
        scenario.RunUntil(reached);
        return (scenario.Status, scenario.Generation);
    }

    private static (RolloutStatus, long) Stuck(bool abort)
    {
        var scenario = Healthy(Canary("v1", Weight(20), Pause(30), Weight(100)) with { ProgressDeadlineAbort = abort, ProgressDeadline = TimeSpan.FromMinutes(3) });
        scenario.Cluster.CrashLooping.Add("v2");
        scenario.DeployNew("v2");
        scenario.RunUntil(s => s.Status.Phase == RolloutPhase.Degraded, maxReconciles: 400);
        return (scenario.Status, scenario.Generation);
    }

    private static JsonNode Resource(RolloutStatus status, long generation) => new JsonObject
    {
        ["apiVersion"] = ApiGroup.Name + "/" + ApiGroup.Version,
        ["kind"] = "Rollout",
        ["metadata"] = new JsonObject { ["name"] = "demo", ["generation"] = generation },
        ["status"] = JsonNode.Parse(ApiJson.Serialize(status)),
    };

    private static bool IsTrue(IEnumerable<Condition> conditions, string type) =>
        conditions.Any(c => c.Type == type && c.Status == ConditionStatus.True);
}
