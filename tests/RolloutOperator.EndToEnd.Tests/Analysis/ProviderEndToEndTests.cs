using System.Text.Json;
using k8s;
using k8s.Models;
using RolloutOperator.Core.Api;
using RolloutOperator.EndToEnd.Tests.Support;
using RolloutOperator.Testing;
using static RolloutOperator.EndToEnd.Tests.Analysis.RolloutFacts;

namespace RolloutOperator.EndToEnd.Tests.Analysis;

/// <summary>
/// The web and job metric providers through the real host against the emulator: a failing Job aborts the canary; a web
/// endpoint without the value follows the metric's noDataPolicy.
/// </summary>
public sealed class ProviderEndToEndTests
{
    private const string App = "web";

    [Fact]
    public async Task JobMetric_JobFails_AbortsBackToStable()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        await cluster.ApplyAsync(Manifests(JobMetric));
        await cluster.StartOperatorAsync();
        var v1 = (await cluster.WaitForRolloutAsync(App, r => IsHealthyOn(r), "first revision healthy")).Status!.StableRevision!;

        await cluster.SetImageAsync(App, "registry.example/web:2");
        var job = await OperatorCluster.EventuallyAsync(() => JobsAsync(cluster), jobs => jobs.Count == 1, TimeSpan.FromSeconds(30), "the smoke test's Job");
        Assert.Equal("smoke-tests", job[0].Spec.Template.Spec.ServiceAccountName);

        // The emulator runs no Job controller: the test fails the Job as it would after its backoff limit.
        await FailAsync(cluster, job[0].Metadata.Name);
        var aborted = await cluster.WaitForRolloutAsync(App, r => IsDegradedBy(r, "AnalysisFailed"), "abort on the failed Job", 30);

        var metric = Metric(Assert.Single(aborted.Status!.Analyses!), "smoke");
        Assert.Equal(AnalysisPhase.Failed, metric.Phase);
        Assert.Equal((0, 1), (metric.Successful, metric.Failed));
        Assert.Contains("BackoffLimitExceeded", Assert.Single(metric.Measurements).Query, StringComparison.Ordinal);
        Assert.Equal(v1, aborted.Status.StableRevision);
        Assert.Equal(job[0].Metadata.Name, Assert.Single(await JobsAsync(cluster)).Metadata.Name);
    }

    [Fact]
    public async Task WebMetric_NoDataAtPath_InconclusivePolicyPausesForAHuman()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        receiver.Answer = _ => new ReceiverAnswer(200, """{"data": {"ratio": null}}""");
        await using var cluster = await OperatorCluster.StartAsync();
        await cluster.ApplyAsync(Manifests(WebMetric(receiver.Address)) + "\n---\n" + ChecksSecret);
        await cluster.StartOperatorAsync();
        var v1 = (await cluster.WaitForRolloutAsync(App, r => IsHealthyOn(r), "first revision healthy")).Status!.StableRevision!;

        await cluster.SetImageAsync(App, "registry.example/web:2");
        var paused = await cluster.WaitForRolloutAsync(App, r => IsPausedBy(r, "InconclusiveAnalysis"), "paused on no data", 30);

        var metric = Metric(Assert.Single(paused.Status!.Analyses!), "web-ratio");
        Assert.Equal(AnalysisPhase.Inconclusive, metric.Phase);
        var measurement = Assert.Single(metric.Measurements);
        Assert.True(measurement.NoData);
        Assert.Equal($"GET {receiver.Address}ratio?revision={paused.Status.CanaryRevision}", measurement.Query);
        Assert.Equal(v1, paused.Status.StableRevision);
        var request = Assert.Single(receiver.To("ratio"));
        Assert.Equal("Bearer e2e-checks-token", request.Headers["Authorization"]);
        Assert.DoesNotContain("e2e-checks-token", JsonSerializer.Serialize(paused.Status), StringComparison.Ordinal);
    }

    private static string Manifests(string metric) => TestManifests.Services(App) + "\n---\n" + TestManifests.Canary(TestManifests.NoRouting, $$"""
                - setWeight: 25
                - analysis:
                    metrics:
        {{metric}}
                - setWeight: 50
        """, App);

    private const string JobMetric = """
                      - name: smoke
                        provider:
                          job:
                            spec:
                              template:
                                spec:
                                  serviceAccountName: smoke-tests
                                  containers: [{name: smoke, image: registry.example/smoke:1, args: ["--target", "http://web-canary"]}]
        """;

    private static string WebMetric(Uri receiver) => $$$"""
                      - name: web-ratio
                        successCondition: result >= 0.99
                        noDataPolicy: Inconclusive
                        provider:
                          web:
                            url: "{{{receiver}}}ratio?revision={{revision.canary}}"
                            jsonPath: $.data.ratio
                            headers: [{name: Authorization, secretKeyRef: {name: checks, key: token}}]
        """;

    private const string ChecksSecret = """
        apiVersion: v1
        kind: Secret
        metadata: {name: checks}
        stringData: {token: Bearer e2e-checks-token}
        """;

    private static async Task<IList<V1Job>> JobsAsync(OperatorCluster cluster) =>
        (await cluster.Client.BatchV1.ListNamespacedJobAsync(cluster.Namespace, labelSelector: "rollout-operator.io/analysis-job=" + App, cancellationToken: OperatorCluster.Ct)).Items;

    private static async Task FailAsync(OperatorCluster cluster, string job)
    {
        var status = new { status = new { conditions = new[] { new { type = "Failed", status = "True", reason = "BackoffLimitExceeded", message = "Job has reached the specified backoff limit" } } } };
        await cluster.Client.BatchV1.PatchNamespacedJobStatusAsync(new V1Patch(JsonSerializer.Serialize(status), V1Patch.PatchType.MergePatch), job, cluster.Namespace, cancellationToken: OperatorCluster.Ct);
    }
}
