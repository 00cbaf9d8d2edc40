using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using RolloutOperator.Controller.Tests.Traffic;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Tests.Reconciliation;

/// <summary>
/// A canary whose stableService does not exist: the operator never creates the user's Service, warns, and holds the
/// step (traffic cannot be said to be split while one side of the split is missing); the Service appearing lets it go on.
/// </summary>
public sealed class MissingServiceTests : IAsyncLifetime
{
    private ControllerHarness _h = null!;

    public async Task InitializeAsync() => _h = await ControllerHarness.StartAsync(gatewayApi: true);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ReplicaRatioCanary_MissingStableService_WarnsHoldsStepAndContinuesOnceCreated()
    {
        await _h.CreateServicesAsync("web-canary");
        await _h.CreateRolloutAsync(RolloutManifests.Canary(_h.Namespace, "web:1"));
        await AssertHeldAsync();

        await _h.CreateServicesAsync("web-stable");
        await AssertContinuesAsync();
    }

    [Fact]
    public async Task GatewayCanary_MissingStableService_WarnsHoldsStepAndContinuesOnceCreated()
    {
        await _h.CreateServicesAsync("web-canary");
        var route = JsonNode.Parse(Routes.Web)!.AsObject();
        route["metadata"]!["namespace"] = _h.Namespace;
        await _h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(route, GatewayCanary.Group, "v1", _h.Namespace, "httproutes", cancellationToken: ControllerHarness.Ct);
        await _h.CreateRolloutAsync(RolloutManifests.Rollout(_h.Namespace, 4, "web:1", """
            {"canary":{"stableService":"web-stable","canaryService":"web-canary",
              "trafficRouting":{"gatewayAPI":{"httpRoutes":[{"name":"web","rule":"api"}]}},
              "steps":[{"setWeight":25},{"setWeight":50}]}}
            """));
        await AssertHeldAsync();
        Assert.Equal(0, Routes.Weights(Routes.Rule(await GatewayCanary.GetRouteAsync(_h), "api"))["web-canary"]);

        await _h.CreateServicesAsync("web-stable");
        await AssertContinuesAsync();
        Assert.Equal(0, Routes.Weights(Routes.Rule(await GatewayCanary.GetRouteAsync(_h), "api"))["web-canary"]);
    }

    /// <summary>web:1 and then web:2 start, a ServiceNotFound warning is recorded, and the canary stays at its first step.</summary>
    private async Task AssertHeldAsync()
    {
        await ReconcileAsync(4);
        await _h.SetImageAsync("web:2");
        await ReconcileAsync(10);

        var rollout = await _h.GetRolloutAsync();
        Assert.True(rollout.Status!.CanaryRevision is not null, JsonSerializer.Serialize(rollout.Status));
        Assert.True((rollout.Status.CurrentStepIndex ?? 0) == 0, JsonSerializer.Serialize(rollout.Status));
        Assert.NotEqual(RolloutPhase.Healthy, rollout.Status.Phase);
        Assert.Contains(await _h.EventsAsync(), e => (string?)e["reason"] == "ServiceNotFound" && (string?)e["type"] == "Warning"
            && ((string?)e["note"])!.Contains("web-stable", StringComparison.Ordinal));
        Assert.DoesNotContain((await _h.Client.CoreV1.ListNamespacedServiceAsync(_h.Namespace, cancellationToken: ControllerHarness.Ct)).Items, s => s.Metadata.Name == "web-stable");
    }

    /// <summary>With the Service there, the steps run and web:2 is promoted behind both Services.</summary>
    private async Task AssertContinuesAsync()
    {
        var canary = (await _h.GetRolloutAsync()).Status!.CanaryRevision!;
        var promoted = await _h.ReconcileUntilAsync(r => r.Status?.StableRevision == canary && r.Status.Phase == RolloutPhase.Healthy);
        Assert.Equal(2, promoted.Status!.StepCount);
        Assert.Equal(canary, (await _h.SelectorOfAsync("web-stable"))[ApiGroup.RevisionLabel]);
        Assert.Equal(canary, (await _h.SelectorOfAsync("web-canary"))[ApiGroup.RevisionLabel]);
    }

    private async Task ReconcileAsync(int times)
    {
        for (var i = 0; i < times; i++)
        {
            _h.Clock.Advance(ControllerHarness.Step(await _h.ReconcileAsync()));
        }
    }
}
