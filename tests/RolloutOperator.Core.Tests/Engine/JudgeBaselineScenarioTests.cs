using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Core.Tests.Engine.Support;
using static RolloutOperator.Core.Tests.Engine.Support.Plans;

namespace RolloutOperator.Core.Tests.Engine;

/// <summary>A judge with control Baseline: pods of the stable template beside the canary exactly while the judge runs.</summary>
public sealed class JudgeBaselineScenarioTests
{
    private static readonly double[] Fast = [.. Enumerable.Range(0, 20).Select(i => 0.010 + (i * 0.0001))];
    private static readonly double[] Slow = [.. Fast.Select(v => v * 2)];

    [Fact]
    public void BaselineJudge_Running_KeepsABaselineOfTheCanarySize_ThenRemovesItOnPromotion()
    {
        var s = Judged(JudgeControl.Baseline, passes: true);

        s.DeployNew("v2");
        s.RunUntil(x => x.Status.CurrentStepIndex == 1 && x.Cluster.Baselines.Count > 0);

        // 20% of 4 replicas: one canary pod, one baseline pod of v1's template; no weight for it.
        Assert.Equal(new Dictionary<string, int> { ["v1"] = 1 }, s.Cluster.Baselines);
        Assert.Equal(1, s.Cluster.Replicas("v2"));
        Assert.Equal(20, s.Cluster.CanaryWeight);
        Assert.DoesNotContain("v1-baseline", s.Status.History?.Select(h => h.Revision) ?? []);

        s.RunUntil(x => x.IsHealthy && x.Status.StableRevision == "v2");

        Assert.Empty(s.Cluster.Baselines);
        Assert.Equal(AnalysisPhase.Successful, s.Status.Analyses?.SingleOrDefault(a => a.Key == "step-1")?.Phase ?? AnalysisPhase.Successful);
    }

    [Fact]
    public void BaselineJudge_Fails_AbortsAndRemovesTheBaseline()
    {
        var s = Judged(JudgeControl.Baseline, passes: false);

        s.DeployNew("v2");
        s.RunUntil(x => x.Status.Abort is not null);
        var sawBaseline = s.Decisions.Any(d => d.Actions.OfType<ScaleBaseline>().Any());
        s.Reconcile();

        Assert.True(sawBaseline, "the baseline was never started");
        Assert.Empty(s.Cluster.Baselines);
        Assert.Equal("v1", s.Status.StableRevision);
    }

    [Fact]
    public void StableJudge_NeverStartsABaseline()
    {
        var s = Judged(JudgeControl.Stable, passes: true);

        s.DeployNew("v2");
        s.RunUntil(x => x.IsHealthy && x.Status.StableRevision == "v2");

        Assert.DoesNotContain(s.Decisions, d => d.Actions.OfType<ScaleBaseline>().Any());
    }

    private static Scenario Judged(JudgeControl control, bool passes)
    {
        var plan = Canary("v1", Weight(20), AnalysisStep(JudgeMetric(control)), Weight(50));
        var s = new Scenario(plan);
        s.RunUntil(x => x.IsHealthy);
        var test = passes ? new RankSumTest(200, 0, 1) : new RankSumTest(400, 5.4, 1e-7);
        s.Judges = (metric, _) => new JudgeObservation("v1-baseline", [new JudgeSample("latency", passes ? Fast : Slow, Fast, test)]);
        return s;
    }

    private static MetricPlan JudgeMetric(JudgeControl control) =>
        new("judge", TimeSpan.FromSeconds(30), 1, TimeSpan.FromSeconds(30), 0, 0, 2, null, null, null, NoDataPolicy.Retry, new PrometheusMetric { Range = new PrometheusRange { Window = "1m", Step = "5s" } })
        {
            Judge = new JudgePlan(control, 95, 75, 0.05, [new JudgeMetricPlan("latency", "q", JudgeDirection.Increase, 0.1, 10, 1)]),
        };
}
