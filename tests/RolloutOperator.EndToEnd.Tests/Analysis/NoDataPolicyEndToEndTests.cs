using RolloutOperator.Core.Api;
using RolloutOperator.EndToEnd.Tests.Support;
using static RolloutOperator.EndToEnd.Tests.Analysis.AnalysisRollouts;
using static RolloutOperator.EndToEnd.Tests.Analysis.RolloutFacts;

namespace RolloutOperator.EndToEnd.Tests.Analysis;

/// <summary>A query that returns no data follows the metric's noDataPolicy; it is never a pass.</summary>
public sealed class NoDataPolicyEndToEndTests
{
    /// <summary>Analysed before any setWeight: the canary takes no traffic yet, so its success rate has no series.</summary>
    private static readonly string AnalysedBeforeTraffic = Steps(AnalysisStep("success-rate"), SetWeight(50));

    [Fact]
    public async Task NoTrafficYet_RetryPolicy_ErrorsUpToTheLimitThenAborts()
    {
        await using var env = await AnalysisCluster.StartAsync(App);
        var v1 = await DeployFirstRevisionAsync(env, AnalysedBeforeTraffic, new MetricLimits(InitialDelay: null, ConsecutiveErrorLimit: 2, NoDataPolicy: "Retry"));
        await using var recorder = AnalysisRecorder.Start(env.Cluster, App);

        await env.SetRevisionAsync(App, "registry.example/web:2");
        var aborted = await env.Cluster.WaitForRolloutAsync(App, r => IsDegradedBy(r, "AnalysisFailed"), "abort after three no-data errors", 30);

        var v2 = aborted.Status!.CanaryRevision!;
        var metric = Metric(recorder.LastRuns(v2, aborted.Status!)["step-0"], "success-rate");
        Assert.Equal(AnalysisPhase.Error, metric.Phase);
        Assert.Equal((0, 0, 0, 3), (metric.Successful, metric.Failed, metric.Inconclusive, metric.Error));
        AssertAllNoData(metric, AnalysisPhase.Error, v2);
        Assert.All(recorder.Seen, s => Assert.Equal(v1, s.StableRevision));
        Assert.DoesNotContain(recorder.Seen, s => s.Traffic?.DesiredWeight > 0);
        var notes = (await env.EventsAsync(App)).Where(e => e.Reason == "AnalysisFailed").Select(e => e.Note);
        Assert.All(notes, n => Assert.Contains("3 consecutive errors exceed consecutiveErrorLimit 2; last error: no data; query: sum(rate(", n, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LabelValueWithoutSeries_FailPolicy_FailsAtOnce()
    {
        await using var env = await AnalysisCluster.StartAsync(App);
        var steps = Steps(SetWeight(20), AnalysisStepWithArgs("[{name: rollout, value: checkout}]", "success-rate"));
        var v1 = await DeployFirstRevisionAsync(env, steps, new MetricLimits(NoDataPolicy: "Fail"));
        await using var recorder = AnalysisRecorder.Start(env.Cluster, App);

        await env.SetRevisionAsync(App, "registry.example/web:2");
        var aborted = await env.Cluster.WaitForRolloutAsync(App, r => IsDegradedBy(r, "AnalysisFailed"), "abort on the first no-data measurement", 30);

        var v2 = aborted.Status!.CanaryRevision!;
        var metric = Metric(recorder.LastRuns(v2, aborted.Status!)["step-1"], "success-rate");
        Assert.Equal(AnalysisPhase.Failed, metric.Phase);
        Assert.Equal((0, 1, 0, 0), (metric.Successful, metric.Failed, metric.Inconclusive, metric.Error));
        AssertAllNoData(metric, AnalysisPhase.Failed, v2);
        Assert.Contains("rollout=\"checkout\"", metric.Measurements.Single().Query, StringComparison.Ordinal);
        await CanaryAnalysisEndToEndTests.AbortedBackToStableAsync(env, v1, v2);
    }

    [Fact]
    public async Task NoTrafficYet_InconclusivePolicy_PausesForAHuman()
    {
        await using var env = await AnalysisCluster.StartAsync(App);
        var v1 = await DeployFirstRevisionAsync(env, AnalysedBeforeTraffic, new MetricLimits(InitialDelay: null, NoDataPolicy: "Inconclusive"));
        await using var recorder = AnalysisRecorder.Start(env.Cluster, App);

        await env.SetRevisionAsync(App, "registry.example/web:2");
        var paused = await env.Cluster.WaitForRolloutAsync(App, r => IsPausedBy(r, "InconclusiveAnalysis"), "paused on an inconclusive analysis", 30);

        var v2 = paused.Status!.CanaryRevision!;
        var metric = Metric(recorder.LastRuns(v2, paused.Status!)["step-0"], "success-rate");
        Assert.Equal(AnalysisPhase.Inconclusive, metric.Phase);
        Assert.Equal((0, 0, 1, 0), (metric.Successful, metric.Failed, metric.Inconclusive, metric.Error));
        AssertAllNoData(metric, AnalysisPhase.Inconclusive, v2);
        Assert.Equal(v1, paused.Status.StableRevision);
        Assert.Equal(0, paused.Status.CurrentStepIndex);
        Assert.DoesNotContain(recorder.Seen, s => s.Traffic?.DesiredWeight > 0);
        Assert.Null(ConditionOf(paused, "Degraded") is { Status: ConditionStatus.True } degraded ? degraded.Reason : null);
    }

    private static async Task<string> DeployFirstRevisionAsync(AnalysisCluster env, string steps, MetricLimits limits)
    {
        await env.Cluster.ApplyAsync(Canary(steps, SliTemplates.Template("success-rate", SliTemplates.SuccessRate(limits))));
        await env.StartOperatorAsync();
        return (await env.Cluster.WaitForRolloutAsync(App, r => IsHealthyOn(r), "first revision healthy")).Status!.StableRevision!;
    }

    private static void AssertAllNoData(MetricStatus metric, AnalysisPhase phase, string revision) =>
        Assert.All(metric.Measurements, m =>
        {
            Assert.Equal(phase, m.Phase);
            Assert.True(m.NoData, $"measurement at {m.At} has data: {m.Value}");
            Assert.Null(m.Value);
            Assert.Contains($"revision=\"{revision}\"", m.Query, StringComparison.Ordinal);
        });
}
