using System.Text.Json.Nodes;
using RolloutOperator.Controller.Reconciliation;
using RolloutOperator.Controller.Tests.Traffic;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Tests.Reconciliation;

/// <summary>
/// gatewayAPI routing removed from the spec mid-rollout: the route the operator wrote weights to is put back before the
/// finalizer (and the record of managed routes beside it) goes, since afterwards nothing would know the route was ours.
/// </summary>
public sealed class RoutingRemovedTests : IAsyncLifetime
{
    private ControllerHarness _h = null!;

    public async Task InitializeAsync() => _h = await ControllerHarness.StartAsync(gatewayApi: true);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task GatewayCanary_RecordsManagedRouteInAnnotationBesideFinalizer()
    {
        await GatewayCanary.StartAtWeight30Async(_h);

        var rollout = await _h.GetRolloutAsync();
        Assert.Contains(RolloutApi.Finalizer, rollout.Metadata.Finalizers);
        var record = JsonNode.Parse(rollout.Metadata.Annotations[RolloutApi.ManagedRoutesAnnotation])!;
        Assert.Equal("web-stable", (string?)record["stableService"]);
        Assert.Equal("web-canary", (string?)record["canaryService"]);
        Assert.Equal("web", (string?)record["httpRoutes"]![0]!["name"]);
    }

    [Fact]
    public async Task RoutingRemovedMidRollout_ResetsRouteThenDropsFinalizerAndRecord()
    {
        var original = await GatewayCanary.StartAtWeight30Async(_h);

        // Without a router the header-route step must go too, or the spec is invalid and nothing changes.
        await _h.PatchRolloutAsync(JsonNode.Parse("""
            {"spec":{"strategy":{"canary":{"trafficRouting":null,"steps":[{"setWeight":30},{"pause":{}}]}}}}
            """)!.AsObject());
        await _h.ReconcileAsync();

        GatewayCanary.AssertReset(original, await GatewayCanary.GetRouteAsync(_h));
        var rollout = await _h.GetRolloutAsync();
        Assert.DoesNotContain(RolloutApi.Finalizer, rollout.Metadata.Finalizers ?? []);
        Assert.False(rollout.Metadata.Annotations?.ContainsKey(RolloutApi.ManagedRoutesAnnotation) ?? false);
        Assert.Contains(await _h.EventsAsync(), e => (string?)e["reason"] == "TrafficReset");

        // The route is the user's again: later reconciles leave it alone.
        _h.Emulator.Requests.Clear();
        await _h.ReconcileAsync();
        Assert.DoesNotContain(_h.Emulator.Requests.Writes(), w => w.Request.Resource == "httproutes");
    }

    [Fact]
    public async Task RouteDroppedFromList_ResetsOnlyThatRouteAndKeepsFinalizer()
    {
        var original = await GatewayCanary.StartAtWeight30Async(_h);
        var other = JsonNode.Parse(Routes.Web)!.AsObject();
        other["metadata"]!["name"] = "web-internal";
        other["metadata"]!["namespace"] = _h.Namespace;
        await k8s.CustomObjectsOperationsExtensions.CreateNamespacedCustomObjectAsync(
            _h.Client.CustomObjects, other, GatewayCanary.Group, "v1", _h.Namespace, "httproutes", cancellationToken: ControllerHarness.Ct);
        await _h.PatchRolloutAsync(JsonNode.Parse("""
            {"spec":{"strategy":{"canary":{"trafficRouting":{"gatewayAPI":{"httpRoutes":[{"name":"web-internal"}]}}}}}}
            """)!.AsObject());

        await _h.ReconcileAsync();

        GatewayCanary.AssertReset(original, await GatewayCanary.GetRouteAsync(_h));
        var rollout = await _h.GetRolloutAsync();
        Assert.Contains(RolloutApi.Finalizer, rollout.Metadata.Finalizers);
        Assert.Equal("web-internal", (string?)JsonNode.Parse(rollout.Metadata.Annotations[RolloutApi.ManagedRoutesAnnotation])!["httpRoutes"]![0]!["name"]);
    }
}
