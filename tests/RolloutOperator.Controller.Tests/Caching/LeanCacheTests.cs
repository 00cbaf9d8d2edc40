using RolloutOperator.Controller.Tests.Reconciliation;
using RolloutOperator.Core.Api;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Tests.Caching;

/// <summary>The controller's informers cache objects without the server's managedFields, and reconciles still work from them.</summary>
public sealed class LeanCacheTests : IAsyncLifetime
{
    private ControllerHarness _h = null!;

    public async Task InitializeAsync() => _h = await ControllerHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Informers_HealthyCanary_CachedObjectsHaveNoManagedFieldsButKeepWhatReconcileReads()
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        await _h.CreateRolloutAsync(RolloutManifests.Canary(_h.Namespace, "web:1"));

        var healthy = await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        await _h.SettleAsync();

        var served = Assert.Single(await _h.DeploymentsAsync());
        Assert.NotEmpty(served.Metadata.ManagedFields);
        var cached = _h.Caches.Deployments.Find(ObjectKey.Of(served))!;
        Assert.Null(cached.Metadata.ManagedFields);
        Assert.Equal(served.Metadata.Labels, cached.Metadata.Labels);
        Assert.Equal(served.Metadata.OwnerReferences.Single().Uid, cached.Metadata.OwnerReferences.Single().Uid);
        Assert.Equal(served.Spec.Template.Spec.Containers.Single().Image, cached.Spec.Template.Spec.Containers.Single().Image);
        Assert.Equal(served.Spec.Replicas, cached.Spec.Replicas);
        Assert.Equal(served.Status?.ReadyReplicas, cached.Status?.ReadyReplicas);
        Assert.All(_h.Caches.Services.List(_h.Namespace), s => Assert.Null(s.Metadata.ManagedFields));
        Assert.Equal(healthy.Status!.StableRevision, _h.Caches.Services.Find(_h.Namespace, "web-stable")!.Spec.Selector[ApiGroup.RevisionLabel]);
        Assert.All(_h.Caches.Rollouts.List(_h.Namespace), r => Assert.Null(r.Metadata.ManagedFields));
    }
}
