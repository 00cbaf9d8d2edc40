using RolloutOperator.Controller.Reconciliation;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Tests.Reconciliation;

public sealed class FirstRevisionTests : IAsyncLifetime
{
    private ControllerHarness _h = null!;

    public async Task InitializeAsync() => _h = await ControllerHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task FirstReconcile_NewRollout_CreatesOwnedRevisionDeploymentWithoutGitOpsMetadata()
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        await _h.CreateRolloutAsync(RolloutManifests.Canary(_h.Namespace, "web:1"));

        await _h.ReconcileAsync();

        var rollout = await _h.GetRolloutAsync();
        var revision = rollout.Status!.StableRevision!;
        var deployment = Assert.Single(await _h.DeploymentsAsync());
        Assert.Equal($"web-{revision}", deployment.Metadata.Name);
        Assert.Equal(4, deployment.Spec.Replicas);
        var owner = Assert.Single(deployment.Metadata.OwnerReferences);
        Assert.Equal(("Rollout", "web", rollout.Metadata.Uid, true, true), (owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion));
        Assert.Equal(revision, deployment.Metadata.Labels[ApiGroup.RevisionLabel]);
        Assert.Equal("web", deployment.Metadata.Labels[RolloutApi.RolloutLabel]);
        Assert.Equal("payments", deployment.Metadata.Labels["team"]);
        Assert.DoesNotContain(deployment.Metadata.Labels.Keys, k => k.StartsWith("argocd.argoproj.io/", StringComparison.Ordinal) || k == "app.kubernetes.io/instance");
        Assert.DoesNotContain((deployment.Metadata.Annotations ?? new Dictionary<string, string>()).Keys, k => k.StartsWith("argocd.argoproj.io/", StringComparison.Ordinal));
        Assert.Equal(revision, deployment.Spec.Selector.MatchLabels[ApiGroup.RevisionLabel]);
        Assert.Equal("web", deployment.Spec.Selector.MatchLabels["app"]);
        Assert.Equal(revision, deployment.Spec.Template.Metadata.Labels[ApiGroup.RevisionLabel]);
        Assert.Equal(revision, (await _h.SelectorOfAsync("web-stable"))[ApiGroup.RevisionLabel]);
        Assert.Equal("web", (await _h.SelectorOfAsync("web-stable"))["app"]);
    }

    [Fact]
    public async Task Reconcile_FirstRevision_BecomesHealthyAndIdleReconcilesWriteNothing()
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        await _h.CreateRolloutAsync(RolloutManifests.Canary(_h.Namespace, "web:1"));

        var rollout = await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        Assert.Equal(rollout.Metadata.Generation, rollout.Status!.ObservedGeneration);
        Assert.Contains(rollout.Status.Conditions!, c => c is { Type: "Ready", Status: ConditionStatus.True });

        await _h.ReconcileAsync();
        _h.Emulator.Requests.Clear();
        for (var i = 0; i < 3; i++)
        {
            _h.Clock.Advance(TimeSpan.FromMinutes(5));
            await _h.ReconcileAsync();
        }

        Assert.Empty(_h.Emulator.Requests.Writes());
    }

    [Fact]
    public async Task Reconcile_EachPass_WritesStatusAtMostOnce()
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        await _h.CreateRolloutAsync(RolloutManifests.Canary(_h.Namespace, "web:1"));
        for (var i = 0; i < 4; i++)
        {
            var before = _h.WritesTo("rollouts", "status");
            await _h.ReconcileAsync();
            Assert.InRange(_h.WritesTo("rollouts", "status") - before, 0, 1);
        }
    }
}
