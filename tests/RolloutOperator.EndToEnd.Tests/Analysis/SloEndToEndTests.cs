using System.Text.Json;
using k8s;
using k8s.Models;
using RolloutOperator.Core.Api;
using RolloutOperator.EndToEnd.Tests.Support;
using Xunit.Abstractions;
using static RolloutOperator.EndToEnd.Tests.Analysis.AnalysisRollouts;
using static RolloutOperator.EndToEnd.Tests.Analysis.RolloutFacts;

namespace RolloutOperator.EndToEnd.Tests.Analysis;

/// <summary>
/// The SLO burn-rate gate and the error-budget policy against a real Prometheus scraping the traffic simulator. The SLO
/// is 99% (an error budget of 1%), so a revision answering 14% of its requests with 500 burns the budget 14× as fast
/// as allowed. The analysis takes 6 measurements 5 s apart: a 30 s long window and a 5 s short one (30 s / 12 is below
/// the interval, so the interval).
/// </summary>
public sealed class SloEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ShortWindow = TimeSpan.FromSeconds(5);

    private static readonly string Slo = SliTemplates.Template("availability", SloMetric.Yaml);

    private static readonly string GatedSteps = Steps(SetWeight(20), AnalysisStep("availability"), SetWeight(50));

    [Fact]
    public async Task CanaryBurningTheBudget14x_FailsTheSloGateWithinTheShortWindow()
    {
        await using var env = await AnalysisCluster.StartAsync(App);
        var v1 = await DeployFirstRevisionAsync(env, Canary(GatedSteps, Slo));
        await using var recorder = AnalysisRecorder.Start(env.Cluster, App);

        await env.SetRevisionAsync(App, "registry.example/web:2", ("SIM_ERROR_RATE", "0.14"));
        var aborted = await env.Cluster.WaitForRolloutAsync(App, r => IsDegradedBy(r, "AnalysisFailed"), "abort by the SLO gate", 60);

        var v2 = aborted.Status!.CanaryRevision!;
        var run = recorder.LastRuns(v2, aborted.Status)["step-1"];
        var metric = Metric(run, "availability-slo");
        Assert.Equal(AnalysisPhase.Failed, metric.Phase);
        var failed = metric.Measurements.Single(m => m.Phase == AnalysisPhase.Failed);
        Assert.InRange(failed.Slo!.CanaryLongBurnRate!.Value, 7, 21);
        Assert.InRange(failed.Slo.CanaryShortBurnRate!.Value, 7, 21);
        Assert.True(failed.Slo.StableShortBurnRate < 1, $"stable burns {failed.Slo.StableShortBurnRate}");
        Assert.Null(failed.Slo.StableBurning);
        Assert.Equal("30s/5s", failed.Slo.Windows);
        Assert.True(failed.Slo.BudgetConsumedPercent > 0);
        Assert.Contains($"revision=\"{v2}\"", failed.Query, StringComparison.Ordinal);

        // Rate windows need two scrapes of the canary's counters before they hold data: the first measurement may come
        // back empty (an Error, retried). The verdict then comes at the next measurement, within about a short window.
        Assert.True(failed.At - run.StartedAt <= ShortWindow + SloMetric.Interval + TimeSpan.FromSeconds(3), $"failed {failed.At - run.StartedAt} after the analysis started");
        output.WriteLine($"failed {(failed.At - run.StartedAt).TotalSeconds}s after the analysis started: {failed.Value}; {failed.Message}");
        await CanaryAnalysisEndToEndTests.AbortedBackToStableAsync(env, v1, v2);
    }

    [Fact]
    public async Task HealthyCanary_PassesTheSloGate_WithBurnRatesInStatus()
    {
        await using var env = await AnalysisCluster.StartAsync(App);
        var v1 = await DeployFirstRevisionAsync(env, Canary(GatedSteps, Slo));
        await using var recorder = AnalysisRecorder.Start(env.Cluster, App);

        await env.SetRevisionAsync(App, "registry.example/web:2", ("SIM_ERROR_RATE", "0"));
        var done = await env.Cluster.WaitForRolloutAsync(App, r => IsHealthyOn(r, notRevision: v1), "promotion through the SLO gate", 90);

        var v2 = done.Status!.StableRevision!;
        var metric = Metric(recorder.LastRuns(v2, done.Status)["step-1"], "availability-slo");
        Assert.Equal(AnalysisPhase.Successful, metric.Phase);
        Assert.All(metric.Measurements.Where(m => m.Phase == AnalysisPhase.Successful), m =>
        {
            Assert.Equal(0, m.Slo!.CanaryLongBurnRate);
            Assert.Equal(0, m.Slo.StableLongBurnRate);
        });
    }

    [Fact]
    public async Task IncidentAlreadyBurningOnStable_IsReportedAsStableBurning_CanaryNotBlamed()
    {
        await using var env = await AnalysisCluster.StartAsync(App);
        await env.Cluster.ApplyAsync(Canary(GatedSteps, Slo));
        await env.SetRevisionAsync(App, "registry.example/web:1", ("SIM_ERROR_RATE", "0.14"));
        await env.StartOperatorAsync();
        var v1 = (await env.Cluster.WaitForRolloutAsync(App, r => IsHealthyOn(r), "first revision healthy")).Status!.StableRevision!;
        await using var recorder = AnalysisRecorder.Start(env.Cluster, App);

        // The incident is shared (a dependency fails for every revision): the canary errs as much as stable does.
        await env.SetRevisionAsync(App, "registry.example/web:2", ("SIM_ERROR_RATE", "0.14"));
        var held = await env.Cluster.WaitForRolloutAsync(App, r => IsPausedBy(r, "InconclusiveAnalysis"), "hold while stable burns", 60);

        Assert.Equal(v1, held.Status!.StableRevision);
        Assert.Null(held.Status.Abort);
        var metric = Metric(recorder.LastRuns(held.Status.CanaryRevision!, held.Status)["step-1"], "availability-slo");
        var inconclusive = metric.Measurements.Last(m => m.Phase == AnalysisPhase.Inconclusive);
        Assert.True(inconclusive.Slo!.StableBurning);
        Assert.StartsWith("stable is burning", inconclusive.Message, StringComparison.Ordinal);
        var events = await env.EventsAsync(App);
        Assert.Contains(events, e => e.Type == "Warning" && e.Reason == "StableBurning" && e.Note.Contains("stable is burning", StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => e.Reason == "AnalysisFailed");
    }

    [Fact]
    public async Task ErrorBudgetSpent_NewRevisionFrozenBeforeFirstStep_FixGoesThrough()
    {
        await using var env = await AnalysisCluster.StartAsync(App);
        await env.Cluster.ApplyAsync(string.Join("\n---\n", TestManifests.Services(App), TestManifests.HttpRoute(App), TestManifests.Canary(TestManifests.GatewayRouting, Steps(SetWeight(50)), App, extra: SloMetric.Policy)));
        await env.SetRevisionAsync(App, "registry.example/web:1", ("SIM_ERROR_RATE", "0.14"));
        await env.StartOperatorAsync();
        await env.Cluster.WaitForRolloutAsync(App, r => IsHealthyOn(r), "first revision healthy");

        await env.SetRevisionAsync(App, "registry.example/web:2", ("SIM_ERROR_RATE", "0"));
        var frozen = await env.Cluster.WaitForRolloutAsync(
            App, r => IsPausedBy(r, "ErrorBudgetFreeze") && r.Status!.Message!.Contains("below minRemainingPercent 50%", StringComparison.Ordinal), "freeze by the error-budget policy", 60);

        var v2 = frozen.Status!.CanaryRevision!;
        Assert.True(frozen.Status.ErrorBudget!.RemainingPercent < 0, $"remaining {frozen.Status.ErrorBudget.RemainingPercent}%");
        Assert.Equal(0, frozen.Status.Traffic!.DesiredWeight);
        Assert.Equal(0, (await env.Cluster.FindDeploymentAsync($"{App}-{v2}"))?.Spec.Replicas ?? 0);
        Assert.Contains(await env.EventsAsync(App), e => e.Type == "Warning" && e.Reason == "ErrorBudgetFreeze");

        await MarkFixAsync(env, v2);
        var promoted = await env.Cluster.WaitForRolloutAsync(App, r => r.Status?.StableRevision == v2 && IsHealthyOn(r), "the fix promoted despite the freeze", 60);
        Assert.Equal(v2, promoted.Status!.ErrorBudget!.FixRevision);
    }

    private static async Task<string> DeployFirstRevisionAsync(AnalysisCluster env, string manifests)
    {
        await env.Cluster.ApplyAsync(manifests);
        await env.StartOperatorAsync();
        return (await env.Cluster.WaitForRolloutAsync(App, r => IsHealthyOn(r), "first revision healthy")).Status!.StableRevision!;
    }

    private static async Task MarkFixAsync(AnalysisCluster env, string revision)
    {
        var command = JsonSerializer.Serialize(new { action = "mark-fix", revision, id = "fix-1" });
        var patch = new { metadata = new { annotations = new Dictionary<string, string> { [ApiGroup.Prefix + "command"] = command } } };
        await env.Cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(JsonSerializer.Serialize(patch), V1Patch.PatchType.MergePatch), ApiGroup.Name, ApiGroup.Version, env.Cluster.Namespace, "rollouts", App, cancellationToken: OperatorCluster.Ct);
    }
}
