using RolloutOperator.Core.Api;
using RolloutOperator.EndToEnd.Tests.Scenarios;
using RolloutOperator.EndToEnd.Tests.Support;
using static RolloutOperator.EndToEnd.Tests.Analysis.AnalysisRollouts;
using static RolloutOperator.EndToEnd.Tests.Analysis.RolloutFacts;

namespace RolloutOperator.EndToEnd.Tests.Analysis;

/// <summary>A canary judged at every step by success rate and p99 latency, measured by a real Prometheus.</summary>
public sealed class CanaryAnalysisEndToEndTests
{
    private static readonly string[] Slis =
    [
        SliTemplates.Template("success-rate", SliTemplates.SuccessRate(new MetricLimits())),
        SliTemplates.Template("latency-p99", SliTemplates.LatencyP99(new MetricLimits())),
    ];

    private static readonly string TwoAnalysedSteps = Steps(
        SetWeight(20), AnalysisStep("success-rate", "latency-p99"), SetWeight(50), AnalysisStep("success-rate", "latency-p99"));

    [Fact]
    public async Task HealthyCanary_EveryStepAnalysed_PromotesWithMeasurementsInStatus()
    {
        await using var env = await AnalysisCluster.StartAsync(App);
        var v1 = await DeployFirstRevisionAsync(env);
        await using var recorder = AnalysisRecorder.Start(env.Cluster, App);

        await env.SetRevisionAsync(App, "registry.example/web:2", ("SIM_ERROR_RATE", "0"));
        var done = await env.Cluster.WaitForRolloutAsync(App, r => IsHealthyOn(r, notRevision: v1), "promotion through both analysed steps", 90);

        var v2 = done.Status!.StableRevision!;
        var runs = recorder.LastRuns(v2, done.Status!);
        Assert.Equal(["step-1", "step-3"], runs.Keys.Order(StringComparer.Ordinal));
        foreach (var run in runs.Values)
        {
            Assert.Equal(AnalysisPhase.Successful, run.Phase);
            AssertMeasured(Metric(run, "success-rate"), v2, value => value >= 0.99);
            AssertMeasured(Metric(run, "latency-p99"), v2, value => value is > 0 and <= 0.25);
        }

        Assert.Equal(0, CanaryEndToEndTests.CanaryWeight(await env.Cluster.GetObjectAsync("gateway.networking.k8s.io", "v1", "httproutes", App)));
    }

    [Fact]
    public async Task CanaryServingTwentyPercentErrors_FirstAnalysedStep_AbortsBackToStable()
    {
        await using var env = await AnalysisCluster.StartAsync(App);
        var v1 = await DeployFirstRevisionAsync(env);
        await using var recorder = AnalysisRecorder.Start(env.Cluster, App);

        await env.SetRevisionAsync(App, "registry.example/web:2", ("SIM_ERROR_RATE", "0.2"));
        var aborted = await env.Cluster.WaitForRolloutAsync(App, r => IsDegradedBy(r, "AnalysisFailed"), "abort by the success-rate analysis", 60);

        var v2 = aborted.Status!.CanaryRevision!;
        Assert.Equal(v1, aborted.Status.StableRevision);
        var runs = recorder.LastRuns(v2, aborted.Status!);
        Assert.Equal(["step-1"], runs.Keys);
        var successRate = Metric(runs["step-1"], "success-rate");
        Assert.Equal(AnalysisPhase.Failed, successRate.Phase);
        var failed = successRate.Measurements.Single(m => m.Phase == AnalysisPhase.Failed);
        // 20% errors, measured over a short window of simulated requests: about 0.8, with sampling noise early on. What
        // matters is that the failing value is the canary's error rate, far below the 0.99 threshold and above zero.
        Assert.InRange(ValueOf(failed), 0.5, 0.95);
        Assert.DoesNotContain(recorder.Seen, s => s.Traffic?.DesiredWeight > 20);
        await AbortedBackToStableAsync(env, v1, v2);

        var events = await env.EventsAsync(App);
        // The analysis' verdict and the abort it caused are both Warnings naming the value and the rendered query.
        var notes = (await env.EventsAsync(App)).Where(e => e.Type == "Warning" && e.Reason == "AnalysisFailed").Select(e => e.Note).ToList();
        Assert.Equal(2, notes.Count);
        Assert.All(notes, note =>
        {
            Assert.Contains($"last value {failed.Value} for `result >= 0.99`", note, StringComparison.Ordinal);
            Assert.Contains("query: " + OneLine(failed.Query!), note, StringComparison.Ordinal);
            Assert.Contains($"revision=\"{v2}\"", note, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task CanaryOnlySlower_LatencyMetric_RollsBack()
    {
        await using var env = await AnalysisCluster.StartAsync(App);
        var v1 = await DeployFirstRevisionAsync(env);
        await using var recorder = AnalysisRecorder.Start(env.Cluster, App);

        await env.SetRevisionAsync(App, "registry.example/web:2", ("SIM_LATENCY_MS", "400"));
        var aborted = await env.Cluster.WaitForRolloutAsync(App, r => IsDegradedBy(r, "AnalysisFailed"), "abort by the latency analysis", 60);

        var v2 = aborted.Status!.CanaryRevision!;
        var run = recorder.LastRuns(v2, aborted.Status!)["step-1"];
        var latency = Metric(run, "latency-p99");
        Assert.Equal(AnalysisPhase.Failed, latency.Phase);
        Assert.InRange(ValueOf(latency.Measurements.Single(m => m.Phase == AnalysisPhase.Failed)), 0.4, 0.5);
        var successRate = Metric(run, "success-rate");
        Assert.Equal(0, successRate.Failed);
        Assert.All(successRate.Measurements.Where(m => m.Value is not null), m => Assert.Equal(1.0, ValueOf(m)));
        Assert.StartsWith("metric latency-p99 failed", run.Message, StringComparison.Ordinal);
        await AbortedBackToStableAsync(env, v1, v2);
    }

    private static async Task<string> DeployFirstRevisionAsync(AnalysisCluster env)
    {
        await env.Cluster.ApplyAsync(Canary(TwoAnalysedSteps, Slis));
        await env.StartOperatorAsync();
        return (await env.Cluster.WaitForRolloutAsync(App, r => IsHealthyOn(r), "first revision healthy")).Status!.StableRevision!;
    }

    private static void AssertMeasured(MetricStatus metric, string revision, Func<double, bool> expected)
    {
        Assert.Equal(AnalysisPhase.Successful, metric.Phase);
        Assert.Equal(2, metric.Successful);
        foreach (var measurement in metric.Measurements.Where(m => m.Phase == AnalysisPhase.Successful))
        {
            Assert.True(expected(ValueOf(measurement)), $"{metric.Name} measured {measurement.Value}");
            Assert.Contains($"revision=\"{revision}\"", measurement.Query, StringComparison.Ordinal);
            Assert.Contains("[10s]", measurement.Query, StringComparison.Ordinal);
            Assert.DoesNotContain("{{", measurement.Query, StringComparison.Ordinal);
        }
    }

    /// <summary>Route and simulator back on stable only, canary scaled to zero, stable untouched.</summary>
    internal static async Task AbortedBackToStableAsync(AnalysisCluster env, string stable, string canary)
    {
        var cluster = env.Cluster;
        await OperatorCluster.EventuallyAsync(() => cluster.GetObjectAsync("gateway.networking.k8s.io", "v1", "httproutes", App), r => CanaryEndToEndTests.CanaryWeight(r) == 0, TimeSpan.FromSeconds(20), "route back to 100% stable");
        await OperatorCluster.EventuallyAsync(() => cluster.FindDeploymentAsync($"{App}-{canary}"), d => d?.Spec.Replicas == 0, TimeSpan.FromSeconds(20), "canary scaled down");
        await OperatorCluster.EventuallyAsync(() => Task.FromResult(env.Simulator.Snapshot.Revisions), s => s is [{ Weight: 100 } only] && only.Revision == stable, TimeSpan.FromSeconds(10), "simulated traffic all on stable");
        Assert.Equal(4, (await cluster.FindDeploymentAsync($"{App}-{stable}"))!.Spec.Replicas);
    }

    internal static string OneLine(string query) => string.Join(' ', query.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
