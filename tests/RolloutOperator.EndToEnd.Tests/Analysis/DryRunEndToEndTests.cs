using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.EndToEnd.Tests.Support;
using RolloutOperator.Testing;
using static RolloutOperator.EndToEnd.Tests.Analysis.AnalysisRollouts;
using static RolloutOperator.EndToEnd.Tests.Analysis.RolloutFacts;

namespace RolloutOperator.EndToEnd.Tests.Analysis;

/// <summary>
/// A dry-run metric is measured by the real Prometheus and reported, but its failure neither aborts nor pauses the
/// rollout; meanwhile a health check reading the Rollout as kstatus does never calls it done before the promotion.
/// </summary>
public sealed class DryRunEndToEndTests
{
    [Fact]
    public async Task CanaryServingErrors_OnlyTheDryRunMetricFails_PromotesAndReportsTheDryRunFailure()
    {
        await using var env = await AnalysisCluster.StartAsync(App);
        var limits = new MetricLimits();
        var trial = DryRun(SliTemplates.SuccessRate(limits));
        var steps = Steps(SetWeight(20), AnalysisStep("latency-p99", "success-rate-trial"), SetWeight(60));
        await env.Cluster.ApplyAsync(Canary(steps, SliTemplates.Template("latency-p99", SliTemplates.LatencyP99(limits)), SliTemplates.Template("success-rate-trial", trial)));
        await env.StartOperatorAsync();
        var v1 = (await env.Cluster.WaitForRolloutAsync(App, r => IsHealthyOn(r), "first revision healthy")).Status!.StableRevision!;
        await using var recorder = AnalysisRecorder.Start(env.Cluster, App);
        await using var objects = new ObjectRecorder<JsonObject>(env.Cluster.Client, ApiGroup.Name, ApiGroup.Version, env.Cluster.Namespace, "rollouts", o => (string?)o["metadata"]?["name"] == App ? o : null);

        await env.SetRevisionAsync(App, "registry.example/web:2", ("SIM_ERROR_RATE", "0.2"));
        var done = await env.Cluster.WaitForRolloutAsync(App, r => IsHealthyOn(r, notRevision: v1), "promotion despite the failing dry-run metric", 90);

        var v2 = done.Status!.StableRevision!;
        Assert.Null(done.Status.Abort);
        var run = recorder.LastRuns(v2, done.Status)["step-1"];
        Assert.Equal(AnalysisPhase.Successful, run.Phase);
        var successRate = Metric(run, "success-rate");
        Assert.Equal((AnalysisPhase.Failed, true), (successRate.Phase, successRate.DryRun));
        Assert.InRange(ValueOf(successRate.Measurements.Single(m => m.Phase == AnalysisPhase.Failed)), 0.5, 0.95);
        Assert.Equal(AnalysisPhase.Successful, Metric(run, "latency-p99").Phase);
        Assert.Contains("dry-run metric success-rate failed (never decides)", run.Message, StringComparison.Ordinal);

        var events = await env.EventsAsync(App);
        var dryRun = Assert.Single(events, e => e.Reason == "DryRunMetricFailed");
        Assert.Equal("Warning", dryRun.Type);
        Assert.Contains("the rollout is not affected", dryRun.Note, StringComparison.Ordinal);
        Assert.DoesNotContain(events, e => e.Reason is "AnalysisFailed" or "AnalysisInconclusive" or "AnalysisError");
        Assert.DoesNotContain(recorder.Seen, s => s.Phase == RolloutPhase.Paused && s.Pauses?.Any(p => p.Reason == "InconclusiveAnalysis") == true);

        // Every version written while v2 was rolled out reads as in progress; the first one after promotion as current.
        var versions = objects.Seen.Where(o => (string?)o["status"]?["canaryRevision"] == v2).ToList();
        Assert.NotEmpty(versions);
        Assert.All(versions, o => Assert.Equal(Kstatus.InProgress, Kstatus.Compute(o)));
        await OperatorCluster.EventuallyAsync(
            () => env.Cluster.GetObjectAsync(ApiGroup.Name, ApiGroup.Version, "rollouts", App),
            o => Kstatus.Compute(o) == Kstatus.Current,
            TimeSpan.FromSeconds(10),
            "kstatus Current after promotion");
    }

    /// <summary>The metric with <c>dryRun: true</c> under its name line.</summary>
    private static string DryRun(string metric)
    {
        var firstBreak = metric.IndexOf('\n', StringComparison.Ordinal);
        return string.Concat(metric.AsSpan(0, firstBreak + 1), "      dryRun: true\n", metric.AsSpan(firstBreak + 1));
    }
}
