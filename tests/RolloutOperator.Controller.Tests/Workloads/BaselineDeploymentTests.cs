using System.Text.Json.Nodes;
using RolloutOperator.Controller.Tests.Reconciliation;
using RolloutOperator.Controller.Workloads;
using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;

namespace RolloutOperator.Controller.Tests.Workloads;

/// <summary>A judge's baseline Deployment: written beside the revisions, owned by the Rollout, never taken for a revision.</summary>
public sealed class BaselineDeploymentTests : IAsyncLifetime
{
    private ControllerHarness _h = null!;

    public async Task InitializeAsync() => _h = await ControllerHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ApplyBaseline_WritesTheStableTemplateUnderTheBaselineLabels_ObservedAsBaselineOnly()
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        await _h.CreateRolloutAsync(RolloutManifests.Canary(_h.Namespace, "web:1"));
        var rollout = await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        var stable = rollout.Status!.StableRevision!;
        var writer = new RevisionWriter(_h.Client);

        await writer.ApplyBaselineAsync(rollout, stable, 2, Workload(), ControllerHarness.Ct);
        await _h.SettleAsync();

        var baseline = (await _h.DeploymentsAsync()).Single(d => d.Metadata.Name == $"web-{stable}-baseline");
        Assert.Equal(2, baseline.Spec.Replicas);
        Assert.Equal($"{stable}-baseline", baseline.Metadata.Labels[ApiGroup.RevisionLabel]);
        Assert.Equal(stable, baseline.Metadata.Labels[JudgeBaseline.Label]);
        Assert.Equal($"{stable}-baseline", baseline.Spec.Selector.MatchLabels[ApiGroup.RevisionLabel]);
        Assert.Equal($"{stable}-baseline", baseline.Spec.Template.Metadata.Labels[ApiGroup.RevisionLabel]);
        Assert.Equal(stable, baseline.Spec.Template.Metadata.Labels[JudgeBaseline.Label]);
        Assert.Equal("web:1", baseline.Spec.Template.Spec.Containers[0].Image);
        Assert.True(baseline.Metadata.OwnerReferences.Single().Controller);
        // The stable Service selects the stable revision exactly, so it never selects the baseline's pods.
        Assert.Equal(stable, (await _h.SelectorOfAsync("web-stable"))[ApiGroup.RevisionLabel]);

        Assert.Equal([new BaselineObservation(stable, 2)], BaselineDeployments.Observe(_h.Caches, rollout));
        Assert.Equal([stable], RevisionDeployments.Owned(_h.Caches, rollout).Keys);

        await writer.DeleteAsync(rollout, JudgeBaseline.RevisionLabel(stable), ControllerHarness.Ct);
        await _h.SettleAsync();

        Assert.DoesNotContain(await _h.DeploymentsAsync(), d => d.Metadata.Name.EndsWith("-baseline", StringComparison.Ordinal));
        Assert.Empty(BaselineDeployments.Observe(_h.Caches, rollout));
    }

    [Fact]
    public async Task Reconcile_ForeignBaselineLeftOver_IsDeleted()
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        await _h.CreateRolloutAsync(RolloutManifests.Canary(_h.Namespace, "web:1"));
        var rollout = await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        await new RevisionWriter(_h.Client).ApplyBaselineAsync(rollout, rollout.Status!.StableRevision!, 1, Workload(), ControllerHarness.Ct);
        await _h.SettleAsync();

        // No judge needs it: the next reconcile removes it.
        await _h.ReconcileAsync();
        await _h.SettleAsync();

        Assert.DoesNotContain(await _h.DeploymentsAsync(), d => d.Metadata.Name.EndsWith("-baseline", StringComparison.Ordinal));
    }

    private static RevisionWorkload Workload() => new(
        new JsonObject
        {
            ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = "web" } },
            ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "web", ["image"] = "web:1" }) },
        },
        new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "web" } },
        0);
}
