using System.Text.Json.Nodes;
using k8s;
using RolloutOperator.Controller.Tests.Traffic;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Tests.Reconciliation;

/// <summary>A Gateway API mirror step through the reconciler: in force while in scope (at its step's share), gone after an abort.</summary>
public sealed class GatewayMirrorTests : IAsyncLifetime
{
    private const string Strategy = """
        {"canary":{"stableService":"web-stable","canaryService":"web-canary",
          "trafficRouting":{"gatewayAPI":{"httpRoutes":[{"name":"web","rule":"api"}]},"managedRoutes":[{"name":"shadow"}]},
          "steps":[{"setMirrorRoute":{"name":"shadow","percentage":12.5}},{"setWeight":20},{"pause":{}}]}}
        """;

    private const string NewShareStrategy = """
        {"canary":{"stableService":"web-stable","canaryService":"web-canary",
          "trafficRouting":{"gatewayAPI":{"httpRoutes":[{"name":"web","rule":"api"}]},"managedRoutes":[{"name":"shadow"}]},
          "steps":[{"setMirrorRoute":{"name":"shadow","percentage":10}},{"pause":{}},
                   {"setMirrorRoute":{"name":"shadow","percentage":50}},{"pause":{}}]}}
        """;

    private ControllerHarness _h = null!;

    public async Task InitializeAsync() => _h = await ControllerHarness.StartAsync(gatewayApi: true);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Abort_WhileMirrorInScope_RemovesTheMirrorRuleAndReturnsTraffic()
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        var route = JsonNode.Parse(Routes.Web)!.AsObject();
        route["metadata"]!["namespace"] = _h.Namespace;
        await _h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(route, GatewayCanary.Group, "v1", _h.Namespace, "httproutes", cancellationToken: ControllerHarness.Ct);
        var original = await GatewayCanary.GetRouteAsync(_h);
        await _h.CreateRolloutAsync(RolloutManifests.Rollout(_h.Namespace, 4, "web:1", Strategy));
        await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        await _h.SetImageAsync("web:2");
        var paused = await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Paused && r.Status.CurrentStepIndex == 2);

        Assert.Equal(["shadow"], paused.Status!.Traffic!.MirrorRoutes);
        var atPause = await GatewayCanary.GetRouteAsync(_h);
        Assert.Equal(["rollout-operator-shadow", "api", "static", "legacy"], Routes.RuleNames(atPause));
        var mirror = Routes.Rule(atPause, "rollout-operator-shadow")["filters"]!.AsArray().Single(f => f!["type"]!.GetValue<string>() == "RequestMirror")!;
        Assert.Equal("""{"numerator":1250,"denominator":10000}""", mirror["requestMirror"]!["fraction"]!.ToJsonString());

        await _h.CommandAsync("abort", paused.Status.CanaryRevision!, "cmd-abort");
        var aborted = await _h.ReconcileUntilAsync(r => r.Status?.Traffic?.ObservedWeight == 0 && r.Status.Traffic.MirrorRoutes is null);

        var after = await GatewayCanary.GetRouteAsync(_h);
        Assert.Equal(["api", "static", "legacy"], Routes.RuleNames(after));
        Assert.Equal(0, Routes.Weights(Routes.Rule(after, "api"))["web-canary"]);
        Assert.True(JsonNode.DeepEquals(original["spec"], after["spec"]), after["spec"]!.ToJsonString());
        Assert.Equal(RolloutPhase.Degraded, aborted.Status!.Phase);
    }

    [Fact]
    public async Task LaterMirrorStep_SameNameNewShare_IsWrittenBeforeTheStepCompletes()
    {
        await CreateRouteAsync();
        await _h.CreateRolloutAsync(RolloutManifests.Rollout(_h.Namespace, 4, "web:1", NewShareStrategy));
        await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        await _h.SetImageAsync("web:2");
        var first = await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Paused && r.Status.CurrentStepIndex == 1);
        Assert.Equal("""{"percent":10}""", Share(await GatewayCanary.GetRouteAsync(_h)));

        await _h.CommandAsync("promote", first.Status!.CanaryRevision!, "cmd-promote");
        var second = await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Paused && r.Status.CurrentStepIndex == 3);

        // No weight change between the two steps: the new share is written because the router reports the old one.
        Assert.Equal("""{"percent":50}""", Share(await GatewayCanary.GetRouteAsync(_h)));
        Assert.Equal(["shadow"], second.Status!.Traffic!.MirrorRoutes);
        Assert.Equal(0, second.Status.Traffic.ObservedWeight);
    }

    private async Task CreateRouteAsync()
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        var route = JsonNode.Parse(Routes.Web)!.AsObject();
        route["metadata"]!["namespace"] = _h.Namespace;
        await _h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(route, GatewayCanary.Group, "v1", _h.Namespace, "httproutes", cancellationToken: ControllerHarness.Ct);
    }

    /// <summary>The share of the operator's mirror rule as written: its RequestMirror filter without the backendRef.</summary>
    private static string Share(JsonObject route)
    {
        var mirror = Routes.Rule(route, "rollout-operator-shadow")["filters"]!.AsArray()
            .Single(f => f!["type"]!.GetValue<string>() == "RequestMirror")!["requestMirror"]!.DeepClone().AsObject();
        mirror.Remove("backendRef");
        return mirror.ToJsonString();
    }
}
