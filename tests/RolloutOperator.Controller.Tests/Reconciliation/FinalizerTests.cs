using System.Net;
using k8s;
using k8s.Autorest;
using RolloutOperator.Controller.Caching;
using RolloutOperator.Controller.Reconciliation;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Tests.Reconciliation;

/// <summary>Deleting a Rollout that routes through the user's HTTPRoute: the route is put back before the Rollout goes.</summary>
public sealed class FinalizerTests : IAsyncLifetime
{
    private ControllerHarness _h = null!;

    public async Task InitializeAsync() => _h = await ControllerHarness.StartAsync(gatewayApi: true);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Delete_GatewayCanaryAtWeight30_ResetsRouteThenReleasesRolloutAndItsDeploymentsGo()
    {
        var original = await GatewayCanary.StartAtWeight30Async(_h);
        var rollout = await _h.GetRolloutAsync();
        Assert.Contains(RolloutApi.Finalizer, rollout.Metadata.Finalizers);
        Assert.Equal(2, (await _h.DeploymentsAsync()).Count);

        await DeleteRolloutAsync();

        // The finalizer holds the Rollout (and so its Deployments) until the operator has reset the route.
        var deleting = await _h.GetRolloutAsync();
        Assert.NotNull(deleting.Metadata.DeletionTimestamp);
        Assert.Equal(2, (await _h.DeploymentsAsync()).Count);

        await _h.ReconcileAsync();

        GatewayCanary.AssertReset(original, await GatewayCanary.GetRouteAsync(_h));
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => _h.GetRolloutAsync());
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
        Assert.Empty(await _h.DeploymentsAsync());
        Assert.Contains(await _h.EventsAsync(), e => (string?)e["reason"] == "TrafficReset");
    }

    [Fact]
    public async Task Rollout_WithoutRouter_GetsNoFinalizerAndIsDeletedAtOnce()
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        await _h.CreateRolloutAsync(RolloutManifests.Canary(_h.Namespace, "web:1"));
        await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);

        var rollout = await _h.GetRolloutAsync();
        Assert.Empty(rollout.Metadata.Finalizers ?? []);

        await DeleteRolloutAsync();

        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => _h.GetRolloutAsync());
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
        Assert.Empty(await _h.DeploymentsAsync());
        await _h.ReconcileAsync();
    }

    private Task DeleteRolloutAsync() =>
        _h.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(
            ApiResources.Rollouts.Group, ApiResources.Rollouts.Version, _h.Namespace, ApiResources.Rollouts.Plural, RolloutManifests.Name,
            cancellationToken: ControllerHarness.Ct);
}
