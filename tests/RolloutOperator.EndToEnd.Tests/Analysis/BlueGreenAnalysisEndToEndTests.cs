using k8s;
using RolloutOperator.Core.Api;
using RolloutOperator.EndToEnd.Tests.Support;
using static RolloutOperator.EndToEnd.Tests.Analysis.RolloutFacts;

namespace RolloutOperator.EndToEnd.Tests.Analysis;

/// <summary>Blue/green gated by a pre-promotion analysis of smoke traffic sent through the preview Service.</summary>
public sealed class BlueGreenAnalysisEndToEndTests
{
    private const string App = "bg";

    private const string Rollout = """
        apiVersion: rollout-operator.io/v1alpha1
        kind: Rollout
        metadata: {name: bg}
        spec:
          replicas: 3
          selector: {matchLabels: {app: bg}}
          template:
            metadata: {labels: {app: bg}}
            spec:
              containers: [{name: app, image: "registry.example/bg:1"}]
          strategy:
            blueGreen:
              activeService: bg-active
              previewService: bg-preview
              autoPromotionEnabled: true
              scaleDownDelaySeconds: 2
              abortScaleDownDelaySeconds: 1
              prePromotionAnalysis:
                templates: [{templateName: success-rate}]
        """;

    [Fact]
    public async Task PrePromotionAnalysisFails_ActiveServiceStaysOnOldRevision()
    {
        await using var env = await AnalysisCluster.StartAsync(App, (client, ns) => new PreviewTrafficSource(client, ns, App, previewWeight: 10));
        var template = SliTemplates.Template("success-rate", SliTemplates.SuccessRate(new MetricLimits()));
        await env.Cluster.ApplyAsync(string.Join("\n---\n", TestManifests.BlueGreenServices(App), template, Rollout));
        await env.StartOperatorAsync();
        var v1 = (await env.Cluster.WaitForRolloutAsync(App, r => IsHealthyOn(r), "first revision healthy")).Status!.StableRevision!;
        await using var recorder = AnalysisRecorder.Start(env.Cluster, App);

        await env.SetRevisionAsync(App, "registry.example/bg:2", ("SIM_ERROR_RATE", "0.2"));
        var active = new List<string?>();
        var aborted = await OperatorCluster.EventuallyAsync(
            async () =>
            {
                active.Add(await SelectedAsync(env.Cluster, "bg-active"));
                return await env.Cluster.GetRolloutAsync(App);
            },
            r => IsDegradedBy(r, "AnalysisFailed"),
            TimeSpan.FromSeconds(60),
            "abort by the pre-promotion analysis");

        var v2 = aborted.Status!.CanaryRevision!;
        var run = recorder.LastRuns(v2, aborted.Status!)["prePromotion"];
        Assert.Equal(AnalysisPhase.Failed, run.Phase);
        // About 0.8 (20% errors) from a small smoke-traffic sample: noisy, but far below the 0.99 threshold.
        Assert.InRange(ValueOf(Metric(run, "success-rate").Measurements.Single(m => m.Phase == AnalysisPhase.Failed)), 0.5, 0.95);
        Assert.All(active, selected => Assert.Equal(v1, selected));
        Assert.Equal(v1, await SelectedAsync(env.Cluster, "bg-active"));
        Assert.All(recorder.Seen, s => Assert.Equal(v1, s.BlueGreen?.ActiveRevision ?? s.StableRevision));
        Assert.Equal(v1, aborted.Status.StableRevision);
        await OperatorCluster.EventuallyAsync(() => env.Cluster.FindDeploymentAsync($"{App}-{v2}"), d => d?.Spec.Replicas == 0, TimeSpan.FromSeconds(20), "preview scaled down");
        Assert.Equal(3, (await env.Cluster.FindDeploymentAsync($"{App}-{v1}"))!.Spec.Replicas);
    }

    private static async Task<string?> SelectedAsync(OperatorCluster cluster, string service)
    {
        var s = await cluster.Client.CoreV1.ReadNamespacedServiceAsync(service, cluster.Namespace, cancellationToken: OperatorCluster.Ct);
        return s.Spec.Selector?.TryGetValue(ApiGroup.RevisionLabel, out var revision) == true ? revision : null;
    }
}
