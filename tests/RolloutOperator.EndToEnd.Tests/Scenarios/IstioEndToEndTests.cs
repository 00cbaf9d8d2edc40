using System.Text.Json.Nodes;
using k8s;
using RolloutOperator.Core.Api;
using RolloutOperator.EndToEnd.Tests.Support;
using static RolloutOperator.EndToEnd.Tests.Support.TestManifests;

namespace RolloutOperator.EndToEnd.Tests.Scenarios;

public sealed class IstioEndToEndTests
{
    private const string Group = "networking.istio.io";

    private const string HeaderAndMirrorSteps = """
                - setHeaderRoute:
                    name: testers
                    match: [{headerName: x-test-user, headerValue: {exact: "true"}}]
                - setWeight: 20
                - pause: {duration: 1s}
                - setMirrorRoute: {name: shadow, percentage: 10}
                - setWeight: 50
                - pause: {duration: 1s}
        """;

    private static bool Healthy(RolloutOperator.Model.Rollout r, string? stable = null) =>
        r.Status?.Phase == RolloutPhase.Healthy
        && r.Status.ObservedGeneration == r.Metadata.Generation
        && (stable is null || r.Status.StableRevision == stable);

    [Fact]
    public async Task IstioCanary_20_50_100_WithHeaderRouteAndMirror_PromotesAndPutsTheVirtualServiceBack()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        await cluster.ApplyAsync(Services() + "\n---\n" + VirtualService() + "\n---\n" + Canary(IstioVirtualServiceRouting, HeaderAndMirrorSteps));
        await cluster.StartOperatorAsync();
        var v1 = (await cluster.WaitForRolloutAsync("web", r => Healthy(r), "first revision healthy")).Status!.StableRevision!;

        await using var weights = new ObjectRecorder<int?>(cluster.Client, Group, "v1", cluster.Namespace, "virtualservices", CanaryWeight);
        await using var routes = new ObjectRecorder<string>(cluster.Client, Group, "v1", cluster.Namespace, "virtualservices", RouteNames);
        await using var mirrors = new ObjectRecorder<string>(cluster.Client, Group, "v1", cluster.Namespace, "virtualservices", Mirror);
        await cluster.SetImageAsync("web", "registry.example/web:2");
        var done = await cluster.WaitForRolloutAsync("web", r => r.Status?.StableRevision is { } s && s != v1, "promotion");

        // Each step's weight reached the VirtualService, in order; the testers' route was there before any weight, the
        // 10% mirror from its step (forwarding at 20%, then 50%) until promotion removed both.
        Assert.Equal([0, 20, 50, 100], weights.Changes().Take(4).ToArray());
        Assert.Equal(
            ["primary", "rollout-operator-testers,primary", "rollout-operator-testers,rollout-operator-shadow,primary", "primary"],
            routes.Changes().ToArray());
        Assert.Equal(["", "10% of 80/20", "10% of 50/50", ""], mirrors.Changes().ToArray());
        var healthy = await cluster.WaitForRolloutAsync("web", r => Healthy(r, done.Status!.StableRevision), "healthy on the new revision");
        Assert.Equal(ConditionStatus.True, healthy.Status!.Conditions!.Single(c => c.Type == "Ready").Status);

        var vs = await cluster.GetObjectAsync(Group, "v1", "virtualservices", "web");
        Assert.Equal(0, CanaryWeight(vs));
        Assert.Equal("primary", RouteNames(vs));
        Assert.Equal(3, vs["spec"]!["http"]![0]!["retries"]!["attempts"]!.GetValue<int>());
        Assert.Equal("payments", vs["metadata"]!["labels"]!["team"]!.GetValue<string>());
    }

    [Fact]
    public async Task GatewayApiAndIstio_AbortMidRollout_ResetsBothRouters()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        const string steps = """
                - setWeight: 30
                - pause: {}
                - setWeight: 60
        """;
        await cluster.ApplyAsync(Services() + "\n---\n" + HttpRoute() + "\n---\n" + VirtualService() + "\n---\n" + Canary(GatewayAndIstioRouting, steps));
        await cluster.StartOperatorAsync();
        await cluster.WaitForRolloutAsync("web", r => Healthy(r), "first revision healthy");

        await cluster.SetImageAsync("web", "registry.example/web:2");
        var paused = await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Paused, "pause step");
        Assert.Equal(30, CanaryEndToEndTests.CanaryWeight(await cluster.GetObjectAsync("gateway.networking.k8s.io", "v1", "httproutes", "web")));
        Assert.Equal(30, CanaryWeight(await cluster.GetObjectAsync(Group, "v1", "virtualservices", "web")));

        await cluster.CommandAsync("web", "abort");
        await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Degraded && r.Status.Abort is not null, "abort");
        await OperatorCluster.EventuallyAsync(() => cluster.GetObjectAsync("gateway.networking.k8s.io", "v1", "httproutes", "web"), r => CanaryEndToEndTests.CanaryWeight(r) == 0, TimeSpan.FromSeconds(20), "HTTPRoute back to stable");
        await OperatorCluster.EventuallyAsync(() => cluster.GetObjectAsync(Group, "v1", "virtualservices", "web"), vs => CanaryWeight(vs) == 0, TimeSpan.FromSeconds(20), "VirtualService back to stable");
        await OperatorCluster.EventuallyAsync(() => cluster.FindDeploymentAsync($"web-{paused.Status!.CanaryRevision}"), d => d!.Spec.Replicas == 0, TimeSpan.FromSeconds(20), "canary scaled down");
        var vs = await cluster.GetObjectAsync(Group, "v1", "virtualservices", "web");
        Assert.Equal(100, vs["spec"]!["http"]![0]!["route"]![0]!["weight"]!.GetValue<int>());
        Assert.Equal("primary", RouteNames(vs));
    }

    [Fact]
    public async Task IstioMirror_LaterStepSameNameNewShare_WrittenBeforeTheStepCompletes()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        const string steps = """
                - setMirrorRoute: {name: shadow, percentage: 10}
                - pause: {}
                - setMirrorRoute: {name: shadow, percentage: 50}
                - pause: {}
        """;
        await cluster.ApplyAsync(Services() + "\n---\n" + VirtualService() + "\n---\n" + Canary(IstioVirtualServiceRouting, steps));
        await cluster.StartOperatorAsync();
        await cluster.WaitForRolloutAsync("web", r => Healthy(r), "first revision healthy");
        await cluster.SetImageAsync("web", "registry.example/web:2");
        await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Paused && r.Status.CurrentStepIndex == 1, "first pause");
        Assert.Equal("10% of 100", Mirror(await cluster.GetObjectAsync(Group, "v1", "virtualservices", "web")));

        await cluster.CommandAsync("web", "promote");
        await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Paused && r.Status.CurrentStepIndex == 3, "second pause");

        // No weight change between the two mirror steps: the new share is in force when the step completes.
        Assert.Equal("50% of 100", Mirror(await cluster.GetObjectAsync(Group, "v1", "virtualservices", "web")));
    }

    [Fact]
    public async Task IstioRollout_Deleted_PutsTheVirtualServiceBackBeforeLettingGo()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        const string steps = """
                - setWeight: 40
                - pause: {}
        """;
        await cluster.ApplyAsync(Services() + "\n---\n" + VirtualService() + "\n---\n" + Canary(IstioVirtualServiceRouting, steps));
        await cluster.StartOperatorAsync();
        await cluster.WaitForRolloutAsync("web", r => Healthy(r) && r.Metadata.Finalizers?.Contains("rollout-operator.io/traffic-reset") == true, "first revision healthy with the reset finalizer");
        await cluster.SetImageAsync("web", "registry.example/web:2");
        await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Paused, "pause step");
        Assert.Equal(40, CanaryWeight(await cluster.GetObjectAsync(Group, "v1", "virtualservices", "web")));

        await cluster.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(ApiGroup.Name, ApiGroup.Version, cluster.Namespace, "rollouts", "web", cancellationToken: OperatorCluster.Ct);

        await OperatorCluster.EventuallyAsync(() => cluster.GetObjectAsync(Group, "v1", "virtualservices", "web"), vs => CanaryWeight(vs) == 0, TimeSpan.FromSeconds(20), "VirtualService back to stable");
        Assert.Equal(100, (await cluster.GetObjectAsync(Group, "v1", "virtualservices", "web"))["spec"]!["http"]![0]!["route"]![0]!["weight"]!.GetValue<int>());
    }

    internal static int? CanaryWeight(JsonObject vs)
    {
        var primary = vs["spec"]!["http"]!.AsArray().First(r => r!["name"]!.GetValue<string>() == "primary")!;
        var canary = primary["route"]!.AsArray().FirstOrDefault(d => d!["destination"]!["host"]!.GetValue<string>() == "web-canary");
        return canary?["weight"]?.GetValue<int>() ?? 0;
    }

    /// <summary>The operator's mirror route as "percent of stable/canary", or "" when there is none.</summary>
    internal static string Mirror(JsonObject vs)
    {
        var mirror = vs["spec"]!["http"]!.AsArray().FirstOrDefault(r => r!["mirror"] is not null);
        if (mirror is null)
        {
            return "";
        }

        var weights = mirror["route"]!.AsArray().Select(d => d!["weight"]?.GetValue<int>() ?? 0);
        return $"{mirror["mirrorPercentage"]!["value"]!.GetValue<double>()}% of {string.Join('/', weights)}";
    }

    internal static string RouteNames(JsonObject vs) =>
        string.Join(",", vs["spec"]!["http"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()));
}
