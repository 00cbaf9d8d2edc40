using System.Text.Json.Nodes;
using k8s;
using RolloutOperator.Core.Api;
using RolloutOperator.EndToEnd.Tests.Support;
using static RolloutOperator.EndToEnd.Tests.Support.TestManifests;

namespace RolloutOperator.EndToEnd.Tests.Scenarios;

/// <summary>The ALB router, several routers at once, and Gateway API mirroring, through the real host.</summary>
public sealed class RouterEndToEndTests
{
    private const string ActionKey = "alb.ingress.kubernetes.io/actions.web-stable";

    private const string AlbRouting = """
              trafficRouting:
                alb: {ingresses: [web-alb], servicePort: 80}
        """;

    private const string GatewayAndAlbRouting = """
              trafficRouting:
                gatewayAPI:
                  httpRoutes: [{name: web}]
                alb: {ingresses: [web-alb], servicePort: 80}
        """;

    private const string MirrorRouting = """
              trafficRouting:
                gatewayAPI:
                  httpRoutes: [{name: web}]
                managedRoutes: [{name: shadow}]
        """;

    private const string AlbIngress = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: web-alb, annotations: {alb.ingress.kubernetes.io/scheme: internet-facing}}
        spec:
          ingressClassName: alb
          rules:
            - http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend: {service: {name: web-stable, port: {name: use-annotation}}}
        """;

    private static bool Healthy(RolloutOperator.Model.Rollout r) =>
        r.Status?.Phase == RolloutPhase.Healthy && r.Status.ObservedGeneration == r.Metadata.Generation;

    private static async Task<int?> AlbWeightAsync(OperatorCluster cluster)
    {
        var ingress = await cluster.Client.NetworkingV1.ReadNamespacedIngressAsync("web-alb", cluster.Namespace, cancellationToken: OperatorCluster.Ct);
        if (ingress.Metadata.Annotations?.TryGetValue(ActionKey, out var value) != true)
        {
            return null;
        }

        var groups = JsonNode.Parse(value!)!["forwardConfig"]!["targetGroups"]!.AsArray();
        return groups.Single(g => g!["serviceName"]!.GetValue<string>() == "web-canary")!["weight"]!.GetValue<int>();
    }

    [Fact]
    public async Task AlbCanary_ActionAnnotationCarriesEachStepWeight_ThenPromotes()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        await cluster.ApplyAsync(Services() + "\n---\n" + AlbIngress + "\n---\n" + Canary(AlbRouting));
        await cluster.StartOperatorAsync();
        var v1 = (await cluster.WaitForRolloutAsync("web", Healthy, "first revision healthy")).Status!.StableRevision!;
        Assert.Equal(0, await AlbWeightAsync(cluster));

        await cluster.SetImageAsync("web", "registry.example/web:2");
        var seen = new List<int>();
        await OperatorCluster.EventuallyAsync(
            async () =>
            {
                if (await AlbWeightAsync(cluster) is { } weight && (seen.Count == 0 || seen[^1] != weight))
                {
                    seen.Add(weight);
                }

                return await cluster.GetRolloutAsync("web");
            },
            r => Healthy(r) && r.Status!.StableRevision != v1,
            TimeSpan.FromSeconds(60),
            "promotion");

        Assert.Contains(20, seen);
        Assert.Contains(50, seen);
        Assert.True(seen.IndexOf(20) < seen.IndexOf(50), string.Join(",", seen));
        await OperatorCluster.EventuallyAsync(() => AlbWeightAsync(cluster), w => w == 0, TimeSpan.FromSeconds(20), "after promotion all traffic on the (new) stable Service");
        var ingress = await cluster.Client.NetworkingV1.ReadNamespacedIngressAsync("web-alb", cluster.Namespace, cancellationToken: OperatorCluster.Ct);
        Assert.Equal("internet-facing", ingress.Metadata.Annotations["alb.ingress.kubernetes.io/scheme"]);
        Assert.Equal("use-annotation", ingress.Spec.Rules[0].Http.Paths[0].Backend.Service.Port.Name);
    }

    [Fact]
    public async Task GatewayApiAndAlb_EachStepWaitsForBoth_AbortResetsBoth()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        const string steps = """
                - setWeight: 30
                - pause: {}
        """;
        await cluster.ApplyAsync(string.Join("\n---\n", Services(), HttpRoute(), AlbIngress, Canary(GatewayAndAlbRouting, steps)));
        await cluster.StartOperatorAsync();
        await cluster.WaitForRolloutAsync("web", Healthy, "first revision healthy");

        await cluster.SetImageAsync("web", "registry.example/web:2");
        var paused = await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Paused, "pause step");
        Assert.Equal(30, paused.Status!.Traffic!.ObservedWeight);
        Assert.Equal(30, CanaryEndToEndTests.CanaryWeight(await cluster.GetObjectAsync("gateway.networking.k8s.io", "v1", "httproutes", "web")));
        Assert.Equal(30, await AlbWeightAsync(cluster));

        await cluster.CommandAsync("web", "abort");
        await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Degraded && r.Status.Traffic?.ObservedWeight == 0, "abort observed on both routers");
        Assert.Equal(0, CanaryEndToEndTests.CanaryWeight(await cluster.GetObjectAsync("gateway.networking.k8s.io", "v1", "httproutes", "web")));
        Assert.Equal(0, await AlbWeightAsync(cluster));
    }

    [Fact]
    public async Task GatewayApiMirrorStep_MirrorRuleWhileInScope_GoneAfterPromotion()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        const string steps = """
                - setMirrorRoute: {name: shadow, percentage: 10}
                - pause: {}
                - setWeight: 50
        """;
        await cluster.ApplyAsync(string.Join("\n---\n", Services(), HttpRoute(), Canary(MirrorRouting, steps)));
        await cluster.StartOperatorAsync();
        await cluster.WaitForRolloutAsync("web", Healthy, "first revision healthy");

        await cluster.SetImageAsync("web", "registry.example/web:2");
        var paused = await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Paused, "pause after the mirror step");
        Assert.Equal(["shadow"], paused.Status!.Traffic!.MirrorRoutes);
        var route = await cluster.GetObjectAsync("gateway.networking.k8s.io", "v1", "httproutes", "web");
        var mirrorRule = route["spec"]!["rules"]!.AsArray().Single(r => r!["name"]?.GetValue<string>() == "rollout-operator-shadow")!;
        var mirror = mirrorRule["filters"]!.AsArray().Single(f => f!["type"]!.GetValue<string>() == "RequestMirror")!["requestMirror"]!;
        Assert.Equal("web-canary", mirror["backendRef"]!["name"]!.GetValue<string>());
        Assert.Equal(10, mirror["percent"]!.GetValue<int>());

        await cluster.CommandAsync("web", "promote");
        await cluster.WaitForRolloutAsync("web", r => Healthy(r) && r.Status!.StableRevision == paused.Status.CanaryRevision, "promotion");
        await OperatorCluster.EventuallyAsync(
            () => cluster.GetObjectAsync("gateway.networking.k8s.io", "v1", "httproutes", "web"),
            r => r["spec"]!["rules"]!.AsArray().Count == 1,
            TimeSpan.FromSeconds(20),
            "mirror rule removed");
        Assert.Equal(0, CanaryEndToEndTests.CanaryWeight(await cluster.GetObjectAsync("gateway.networking.k8s.io", "v1", "httproutes", "web")));
    }
}
