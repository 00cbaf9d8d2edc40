using System.Text.Json.Nodes;
using k8s;
using RolloutOperator.Core.Api;
using RolloutOperator.EndToEnd.Tests.Support;
using static RolloutOperator.EndToEnd.Tests.Support.TestManifests;

namespace RolloutOperator.EndToEnd.Tests.Scenarios;

public sealed class CanaryEndToEndTests
{
    private static bool Healthy(RolloutOperator.Model.Rollout r, string? stable = null) =>
        r.Status?.Phase == RolloutPhase.Healthy
        && r.Status.ObservedGeneration == r.Metadata.Generation
        && (stable is null || r.Status.StableRevision == stable);

    [Fact]
    public async Task GatewayApiCanary_20_50_100_PromotesAndScalesOldRevisionDown()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        await cluster.ApplyAsync(Services() + "\n---\n" + HttpRoute() + "\n---\n" + Canary(GatewayRouting));
        await cluster.StartOperatorAsync();
        var v1 = (await cluster.WaitForRolloutAsync("web", r => Healthy(r), "first revision healthy")).Status!.StableRevision!;

        await using var routeWeights = new ObjectRecorder<int?>(cluster.Client, "gateway.networking.k8s.io", "v1", cluster.Namespace, "httproutes", r => CanaryWeight(r));
        await cluster.SetImageAsync("web", "registry.example/web:2");
        var done = await cluster.WaitForRolloutAsync("web", r => r.Status?.StableRevision is { } s && s != v1, "promotion");

        // Each step's weight reached the route, in order, and then all traffic went to the promoted revision.
        Assert.Equal([0, 20, 50, 100], routeWeights.Changes().Take(4).ToArray());
        var v2 = done.Status!.StableRevision!;

        // The old revision keeps its pods for scaleDownDelaySeconds, then scales to zero; the route goes back to stable.
        Assert.Equal(4, (await cluster.FindDeploymentAsync($"web-{v1}"))!.Spec.Replicas);
        await OperatorCluster.EventuallyAsync(() => cluster.FindDeploymentAsync($"web-{v1}"), d => d!.Spec.Replicas == 0, TimeSpan.FromSeconds(30), "old revision scaled down");
        var healthy = await cluster.WaitForRolloutAsync("web", r => Healthy(r, v2), "healthy on the new revision");
        Assert.Equal(ConditionStatus.True, healthy.Status!.Conditions!.Single(c => c.Type == "Ready").Status);
        var route = await cluster.GetObjectAsync("gateway.networking.k8s.io", "v1", "httproutes", "web");
        Assert.Equal(0, CanaryWeight(route));
        Assert.Equal("web.example.com", route["spec"]!["hostnames"]![0]!.GetValue<string>());
        Assert.Equal("payments", route["metadata"]!["labels"]!["team"]!.GetValue<string>());

        // GitOps tracking labels stay on the Rollout and are not copied to what it owns.
        var deployment = (await cluster.FindDeploymentAsync($"web-{v2}"))!;
        Assert.DoesNotContain(deployment.Metadata.Labels ?? new Dictionary<string, string>(), l => l.Key.StartsWith("argocd.argoproj.io", StringComparison.Ordinal) || l.Key == "app.kubernetes.io/instance");
    }

    [Fact]
    public async Task ReplicaRatioCanary_PromotesWithReplicaCounts()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        await cluster.ApplyAsync(Services() + "\n---\n" + Canary(NoRouting, replicas: 5));
        await cluster.StartOperatorAsync();
        var v1 = (await cluster.WaitForRolloutAsync("web", r => Healthy(r), "first revision healthy")).Status!.StableRevision!;

        await cluster.SetImageAsync("web", "registry.example/web:2");
        var split = new List<(int Canary, int Stable)>();
        var done = await OperatorCluster.EventuallyAsync(
            async () =>
            {
                var r = await cluster.GetRolloutAsync("web");
                if (r.Status?.CanaryRevision is { } canary)
                {
                    var c = await cluster.FindDeploymentAsync($"web-{canary}");
                    var s = await cluster.FindDeploymentAsync($"web-{v1}");
                    split.Add((c?.Spec.Replicas ?? 0, s?.Spec.Replicas ?? 0));
                }

                return r;
            },
            r => Healthy(r) && r.Status!.StableRevision != v1,
            TimeSpan.FromSeconds(60),
            "promotion");

        Assert.Contains((1, 4), split);
        Assert.Contains((3, 2), split);
        await OperatorCluster.EventuallyAsync(() => cluster.FindDeploymentAsync($"web-{v1}"), d => d!.Spec.Replicas == 0, TimeSpan.FromSeconds(30), "old revision scaled down");
        Assert.Equal(5, (await cluster.FindDeploymentAsync($"web-{done.Status!.StableRevision}"))!.Spec.Replicas);
    }

    [Fact]
    public async Task NginxCanary_CanaryIngressCarriesTheWeights()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        await cluster.ApplyAsync(Services() + "\n---\n" + Ingress() + "\n---\n" + Canary(TestManifests.NginxRouting));
        await cluster.StartOperatorAsync();
        var v1 = (await cluster.WaitForRolloutAsync("web", r => Healthy(r), "first revision healthy")).Status!.StableRevision!;

        await cluster.SetImageAsync("web", "registry.example/web:2");
        var seen = new List<int>();
        await OperatorCluster.EventuallyAsync(
            async () =>
            {
                var ingresses = await cluster.Client.NetworkingV1.ListNamespacedIngressAsync(cluster.Namespace, cancellationToken: OperatorCluster.Ct);
                var canary = ingresses.Items.FirstOrDefault(i => i.Metadata.Name != "web");
                if (canary?.Metadata.Annotations?.TryGetValue("nginx.ingress.kubernetes.io/canary-weight", out var w) == true)
                {
                    seen.Add(int.Parse(w, System.Globalization.CultureInfo.InvariantCulture));
                }

                return await cluster.GetRolloutAsync("web");
            },
            r => Healthy(r) && r.Status!.StableRevision != v1,
            TimeSpan.FromSeconds(60),
            "promotion");

        Assert.Contains(20, seen);
        Assert.Contains(50, seen);
        var stable = await cluster.Client.NetworkingV1.ReadNamespacedIngressAsync("web", cluster.Namespace, cancellationToken: OperatorCluster.Ct);
        Assert.Equal("web-stable", stable.Spec.Rules[0].Http.Paths[0].Backend.Service.Name);
    }

    [Fact]
    public async Task AbortMidRollout_TrafficBackToStable_ThenRetryPromotes()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        const string steps = """
                - setWeight: 30
                - pause: {}
                - setWeight: 60
        """;
        await cluster.ApplyAsync(Services() + "\n---\n" + HttpRoute() + "\n---\n" + Canary(GatewayRouting, steps));
        await cluster.StartOperatorAsync();
        var v1 = (await cluster.WaitForRolloutAsync("web", r => Healthy(r), "first revision healthy")).Status!.StableRevision!;

        await cluster.SetImageAsync("web", "registry.example/web:2");
        var paused = await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Paused, "pause step");
        var v2 = paused.Status!.CanaryRevision!;
        Assert.Equal(30, CanaryWeight(await cluster.GetObjectAsync("gateway.networking.k8s.io", "v1", "httproutes", "web")));

        await cluster.CommandAsync("web", "abort");
        await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Degraded && r.Status.Abort is not null, "abort");
        await OperatorCluster.EventuallyAsync(() => cluster.GetObjectAsync("gateway.networking.k8s.io", "v1", "httproutes", "web"), r => CanaryWeight(r) == 0, TimeSpan.FromSeconds(20), "traffic back to stable");
        await OperatorCluster.EventuallyAsync(() => cluster.FindDeploymentAsync($"web-{v2}"), d => d!.Spec.Replicas == 0, TimeSpan.FromSeconds(20), "canary scaled down");

        await cluster.CommandAsync("web", "retry");
        await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Paused, "retried to the pause step");
        await cluster.CommandAsync("web", "promote");
        await cluster.WaitForRolloutAsync("web", r => Healthy(r, v2), "promoted after retry");
        Assert.NotEqual(v1, v2);
    }

    internal static int CanaryWeight(JsonObject route)
    {
        var refs = route["spec"]!["rules"]!.AsArray()
            .Select(r => r!["backendRefs"]!.AsArray())
            .First(b => b.Any(x => x!["name"]!.GetValue<string>() == "web-stable"));
        var canary = refs.FirstOrDefault(x => x!["name"]!.GetValue<string>() == "web-canary");
        return canary?["weight"]?.GetValue<int>() ?? 0;
    }
}
