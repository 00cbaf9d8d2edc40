using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using RolloutOperator.Controller.Caching;
using RolloutOperator.Controller.Reconciliation;
using RolloutOperator.Controller.Tests.Traffic;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Tests.Reconciliation;

/// <summary>
/// An ALB canary writes into the user's Ingress, so it carries the traffic-reset finalizer: deleting it, or dropping the
/// router from the spec, first puts the action back on stable. With Gateway API beside it, abort resets both.
/// </summary>
public sealed class AlbFinalizerTests : IAsyncLifetime
{
    private const string AlbStrategy = """
        {"canary":{"stableService":"web-stable","canaryService":"web-canary",
          "trafficRouting":{"alb":{"ingresses":["web-alb"],"servicePort":8080}},
          "steps":[{"setWeight":30},{"pause":{}}]}}
        """;

    private const string BothStrategy = """
        {"canary":{"stableService":"web-stable","canaryService":"web-canary",
          "trafficRouting":{"gatewayAPI":{"httpRoutes":[{"name":"web"}]},"alb":{"ingresses":["web-alb"],"servicePort":8080}},
          "steps":[{"setWeight":30},{"pause":{}}]}}
        """;

    private ControllerHarness _h = null!;

    public async Task InitializeAsync() => _h = await ControllerHarness.StartAsync(gatewayApi: true);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task StartAtWeight30Async(string strategy)
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        await _h.Client.NetworkingV1.CreateNamespacedIngressAsync(KubernetesJson.Deserialize<V1Ingress>(AlbIngresses.Web), _h.Namespace, cancellationToken: ControllerHarness.Ct);
        if (strategy == BothStrategy)
        {
            var route = JsonNode.Parse(Routes.Web)!.AsObject();
            route["metadata"]!["namespace"] = _h.Namespace;
            await _h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(route, GatewayCanary.Group, "v1", _h.Namespace, "httproutes", cancellationToken: ControllerHarness.Ct);
        }

        await _h.CreateRolloutAsync(RolloutManifests.Rollout(_h.Namespace, 4, "web:1", strategy));
        await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        await _h.SetImageAsync("web:2");
        await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Paused && r.Status.CurrentStepIndex == 1);
        Assert.Equal(30, await AlbCanaryWeightAsync());
    }

    private async Task<int> AlbCanaryWeightAsync()
    {
        var ingress = await _h.Client.NetworkingV1.ReadNamespacedIngressAsync("web-alb", _h.Namespace, cancellationToken: ControllerHarness.Ct);
        var action = JsonNode.Parse(ingress.Metadata.Annotations[AlbIngresses.Key])!;
        return action["forwardConfig"]!["targetGroups"]![1]!["weight"]!.GetValue<int>();
    }

    [Fact]
    public async Task Delete_AlbCanaryAtWeight30_PutsTheActionBackOnStableFirst()
    {
        await StartAtWeight30Async(AlbStrategy);
        Assert.Contains(RolloutApi.Finalizer, (await _h.GetRolloutAsync()).Metadata.Finalizers);

        await _h.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(
            ApiResources.Rollouts.Group, ApiResources.Rollouts.Version, _h.Namespace, ApiResources.Rollouts.Plural, RolloutManifests.Name, cancellationToken: ControllerHarness.Ct);
        await _h.ReconcileAsync();

        Assert.Equal(0, await AlbCanaryWeightAsync());
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => _h.GetRolloutAsync());
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
    }

    [Fact]
    public async Task Abort_GatewayApiAndAlb_BothBackOnStable()
    {
        await StartAtWeight30Async(BothStrategy);
        Assert.Equal(30, Routes.Weights(Routes.Rule(await GatewayCanary.GetRouteAsync(_h), "api"))["web-canary"]);

        var canary = (await _h.GetRolloutAsync()).Status!.CanaryRevision!;
        await _h.CommandAsync("abort", canary, "cmd-abort");
        await _h.ReconcileUntilAsync(r => r.Status?.Traffic?.ObservedWeight == 0);

        Assert.Equal(0, await AlbCanaryWeightAsync());
        Assert.Equal(0, Routes.Weights(Routes.Rule(await GatewayCanary.GetRouteAsync(_h), "api"))["web-canary"]);
    }
}
