using System.Text.Json.Nodes;
using k8s;
using RolloutOperator.Controller.Tests.Traffic;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Tests.Reconciliation;

/// <summary>A Gateway API mirror step through the reconciler: in force while in scope, gone after an abort.</summary>
public sealed class GatewayMirrorTests : IAsyncLifetime
{
    private const string Strategy = """
        {"canary":{"stableService":"web-stable","canaryService":"web-canary",
          "trafficRouting":{"gatewayAPI":{"httpRoutes":[{"name":"web","rule":"api"}]},"managedRoutes":[{"name":"shadow"}]},
          "steps":[{"setMirrorRoute":{"name":"shadow","percentage":12.5}},{"setWeight":20},{"pause":{}}]}}
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
}
