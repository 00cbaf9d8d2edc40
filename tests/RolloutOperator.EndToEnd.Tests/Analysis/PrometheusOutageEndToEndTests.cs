using System.Diagnostics;
using RolloutOperator.Core.Api;
using RolloutOperator.EndToEnd.Tests.Support;
using static RolloutOperator.EndToEnd.Tests.Analysis.AnalysisRollouts;
using static RolloutOperator.EndToEnd.Tests.Analysis.RolloutFacts;

namespace RolloutOperator.EndToEnd.Tests.Analysis;

/// <summary>
/// Prometheus killed while a step is being analysed: an outage is an Error measurement, tolerated for
/// consecutiveErrorLimit × interval and never a pass.
/// </summary>
public sealed class PrometheusOutageEndToEndTests
{
    [Fact]
    public async Task PrometheusDown_LongerThanErrorBudget_HoldsThenAborts()
    {
        var limits = new MetricLimits(Interval: "2s", Count: 8, ConsecutiveErrorLimit: 3);
        await using var env = await AnalysisCluster.StartAsync(App);
        var v1 = await DeployFirstRevisionAsync(env, limits);
        await using var recorder = AnalysisRecorder.Start(env.Cluster, App);
        await StartCanaryMidAnalysisAsync(env);

        await env.Prometheus.StopAsync();
        var down = Stopwatch.StartNew();
        var aborted = await env.Cluster.WaitForRolloutAsync(App, r => IsDegradedBy(r, "AnalysisFailed"), "abort after the error budget", 40);
        down.Stop();

        var v2 = aborted.Status!.CanaryRevision!;
        var metric = Metric(recorder.LastRuns(v2, aborted.Status!)["step-1"], "success-rate");
        Assert.Equal(AnalysisPhase.Error, metric.Phase);
        Assert.Equal(4, metric.ConsecutiveErrors);
        Assert.All(metric.Measurements.TakeLast(4), m =>
        {
            Assert.Equal(AnalysisPhase.Error, m.Phase);
            Assert.Null(m.Value);
            Assert.Contains(env.Prometheus.Address.Authority, m.Message, StringComparison.Ordinal);
        });

        // Held within the budget: three errors in a row left the step running, on stable, for about 3 × 2 s.
        Assert.Contains(recorder.Seen, s => Running(s, v2) is { ConsecutiveErrors: 3 });
        Assert.True(down.Elapsed >= TimeSpan.FromSeconds(5), $"aborted {down.Elapsed.TotalSeconds:0.0}s after the outage began, before the 3 × 2 s budget");
        Assert.All(recorder.Seen, s => Assert.Equal(v1, s.StableRevision));
        Assert.DoesNotContain(recorder.Seen, s => s.Traffic?.DesiredWeight > 20);
        await CanaryAnalysisEndToEndTests.AbortedBackToStableAsync(env, v1, v2);
    }

    [Fact]
    public async Task PrometheusDown_BackWithinErrorBudget_RolloutContinuesAndPromotes()
    {
        // A restarted Prometheus only scrapes again after its first target sync (up to 5 s) and rate() needs two samples,
        // so "back" means data again about 7 s after the restart: a budget of 6 errors × 3 s leaves room for that.
        var limits = new MetricLimits(Interval: "3s", Count: 3, ConsecutiveErrorLimit: 6);
        await using var env = await AnalysisCluster.StartAsync(App);
        var v1 = await DeployFirstRevisionAsync(env, limits);
        await using var recorder = AnalysisRecorder.Start(env.Cluster, App);
        await StartCanaryMidAnalysisAsync(env);

        await env.Prometheus.StopAsync();
        await env.Cluster.WaitForRolloutAsync(App, r => r.Status is { } s && Running(s, s.CanaryRevision!) is { ConsecutiveErrors: >= 2 }, "two error measurements while Prometheus is down", 20);
        await env.Prometheus.StartAsync();
        var done = await env.Cluster.WaitForRolloutAsync(App, r => IsHealthyOn(r, notRevision: v1), "promotion after Prometheus came back", 60);

        var v2 = done.Status!.StableRevision!;
        var run = recorder.LastRuns(v2, done.Status!)["step-1"];
        Assert.Equal(AnalysisPhase.Successful, run.Phase);
        var metric = Metric(run, "success-rate");
        Assert.Equal(3, metric.Successful);
        var history = string.Join("\n", recorder.Seen.SelectMany(x => x.Analyses ?? []).SelectMany(a => a.Metrics).SelectMany(m => m.Measurements).DistinctBy(m => m.At).Select(m => $"{m.At:HH:mm:ss.fff} {m.Phase} {m.Value} {m.Message}"));
        Assert.True(metric.Error is >= 2 and <= 6, history);
        Assert.Equal(0, metric.ConsecutiveErrors);
        Assert.DoesNotContain(recorder.Seen, s => s.Conditions?.Any(c => c.Type == "Degraded" && c.Status == ConditionStatus.True) == true);
    }

    private static async Task<string> DeployFirstRevisionAsync(AnalysisCluster env, MetricLimits limits)
    {
        var template = SliTemplates.Template("success-rate", SliTemplates.SuccessRate(limits));
        await env.Cluster.ApplyAsync(Canary(Steps(SetWeight(20), AnalysisStep("success-rate")), template));
        await env.StartOperatorAsync();
        return (await env.Cluster.WaitForRolloutAsync(App, r => IsHealthyOn(r), "first revision healthy")).Status!.StableRevision!;
    }

    /// <summary>v2 at 20% with its step-1 analysis running and at least one successful measurement.</summary>
    private static async Task StartCanaryMidAnalysisAsync(AnalysisCluster env)
    {
        await env.SetRevisionAsync(App, "registry.example/web:2", ("SIM_ERROR_RATE", "0"));
        await env.Cluster.WaitForRolloutAsync(App, r => r.Status is { } s && Running(s, s.CanaryRevision!) is { Successful: >= 1 }, "a first successful measurement", 30);
    }

    private static MetricStatus? Running(RolloutStatus status, string revision) =>
        status.Analyses?.Find(a => a.Key == "step-1" && a.Revision == revision && a.Phase == AnalysisPhase.Running)?.Metrics.Find(m => m.Name == "success-rate");
}
