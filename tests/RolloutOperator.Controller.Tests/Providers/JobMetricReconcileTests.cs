using System.Text.Json;
using k8s;
using k8s.Models;
using RolloutOperator.Controller.Tests.Reconciliation;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Tests.Providers;

/// <summary>
/// Job metrics against the emulator: the reconcile creates the Job and never waits for it; the test plays the Job
/// controller by flipping the Job's status; Complete passes, Failed aborts and the other running Jobs are deleted.
/// </summary>
public sealed class JobMetricReconcileTests
{
    [Fact]
    public async Task JobMetric_JobRunsThenCompletes_StepWaitsWithoutWritesThenPasses()
    {
        await using var h = await StartAsync(ProviderSteps.Job("smoke"));
        await h.SetImageAsync("web:2");

        var waiting = await h.ReconcileUntilAsync(r => InProgress(r, "smoke") is not null);
        var name = InProgress(waiting, "smoke")!.Name;
        var job = await h.Client.BatchV1.ReadNamespacedJobAsync(name, h.Namespace, cancellationToken: ControllerHarness.Ct);
        AssertOwnedAndBounded(job, waiting);
        Assert.Equal("smoke-tests", job.Spec.Template.Spec.ServiceAccountName);
        Assert.Contains(job.Spec.Template.Spec.Containers[0].Env, e => e.Name == "ROLLOUT_REVISION" && e.Value == waiting.Status!.CanaryRevision);

        // While the Job runs, a reconcile finds nothing to change: no status write.
        h.Clock.Advance(TimeSpan.FromMinutes(2));
        await h.ReconcileAsync();
        Assert.Equal(waiting.Metadata.ResourceVersion, (await h.GetRolloutAsync()).Metadata.ResourceVersion);

        await FinishAsync(h, name, "Complete");
        var done = await h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);

        var metric = Assert.Single(Assert.Single(done.Status!.Analyses!).Metrics);
        Assert.Equal(AnalysisPhase.Successful, metric.Phase);
        Assert.Null(metric.InProgress);
        Assert.Equal("1", Assert.Single(metric.Measurements).Value);
    }

    [Fact]
    public async Task JobMetric_JobFails_AbortsAndDeletesTheJobStillRunning()
    {
        await using var h = await StartAsync(ProviderSteps.Job("smoke"), ProviderSteps.Job("load"));
        await h.SetImageAsync("web:2");
        var waiting = await h.ReconcileUntilAsync(r => InProgress(r, "smoke") is not null && InProgress(r, "load") is not null);
        var smoke = InProgress(waiting, "smoke")!.Name;
        var load = InProgress(waiting, "load")!.Name;

        await FinishAsync(h, smoke, "Failed");
        var aborted = await h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Degraded);

        var metric = Assert.Single(Assert.Single(aborted.Status!.Analyses!).Metrics, m => m.Name == "smoke");
        Assert.Equal(AnalysisPhase.Failed, metric.Phase);
        Assert.Contains("BackoffLimitExceeded", Assert.Single(metric.Measurements).Query, StringComparison.Ordinal);
        var left = (await h.Client.BatchV1.ListNamespacedJobAsync(h.Namespace, cancellationToken: ControllerHarness.Ct)).Items.Select(j => j.Metadata.Name).ToList();
        Assert.Equal([smoke], left);
        Assert.DoesNotContain(load, left);
    }

    private static void AssertOwnedAndBounded(V1Job job, Model.Rollout rollout)
    {
        var owner = Assert.Single(job.Metadata.OwnerReferences);
        Assert.Equal((rollout.Metadata.Uid, true, "Rollout"), (owner.Uid, owner.Controller == true, owner.Kind));
        Assert.Equal("web", job.Metadata.Labels["rollout-operator.io/analysis-job"]);
        Assert.True(job.Metadata.Name.Length <= 63, job.Metadata.Name);
        Assert.Equal(600, job.Spec.ActiveDeadlineSeconds);
        Assert.Equal(0, job.Spec.BackoffLimit);
        Assert.Equal("Never", job.Spec.Template.Spec.RestartPolicy);
        Assert.DoesNotContain(ApiGroup.RevisionLabel, job.Spec.Template.Metadata?.Labels?.Keys ?? []);
    }

    private static MeasurementInProgress? InProgress(Model.Rollout rollout, string metric) =>
        rollout.Status?.Analyses?.SelectMany(a => a.Metrics).FirstOrDefault(m => m.Name == metric)?.InProgress;

    /// <summary>What the Job controller does when the pod succeeds or the backoff limit is exceeded.</summary>
    private static async Task FinishAsync(ControllerHarness h, string job, string condition)
    {
        var status = new
        {
            status = new
            {
                conditions = new[]
                {
                    new { type = condition, status = "True", reason = condition == "Failed" ? "BackoffLimitExceeded" : "Completed", message = condition == "Failed" ? "Job has reached the specified backoff limit" : "" },
                },
            },
        };
        await h.Client.BatchV1.PatchNamespacedJobStatusAsync(new V1Patch(JsonSerializer.Serialize(status), V1Patch.PatchType.MergePatch), job, h.Namespace, cancellationToken: ControllerHarness.Ct);
    }

    private static async Task<ControllerHarness> StartAsync(params System.Text.Json.Nodes.JsonObject[] metrics)
    {
        var h = await ControllerHarness.StartAsync();
        await h.CreateServicesAsync("web-stable", "web-canary");
        await h.CreateRolloutAsync(RolloutManifests.Canary(h.Namespace, "web:1", ProviderSteps.Around(metrics)));
        await h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        return h;
    }
}
