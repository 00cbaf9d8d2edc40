using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.EndToEnd.Tests.Support;
using static RolloutOperator.EndToEnd.Tests.Support.TestManifests;

namespace RolloutOperator.EndToEnd.Tests.Scenarios;

public sealed class IstioEndToEndTests
{
    private const string Group = "networking.istio.io";

    private const string HeaderSteps = """
                - setHeaderRoute:
                    name: testers
                    match: [{headerName: x-test-user, headerValue: {exact: "true"}}]
                - setWeight: 20
                - pause: {duration: 1s}
                - setWeight: 50
                - pause: {duration: 1s}
        """;

    private static bool Healthy(Controller.Model.Rollout r, string? stable = null) =>
        r.Status?.Phase == RolloutPhase.Healthy
        && r.Status.ObservedGeneration == r.Metadata.Generation
        && (stable is null || r.Status.StableRevision == stable);

    [Fact]
    public async Task IstioCanary_20_50_100_WithHeaderRoute_PromotesAndPutsTheVirtualServiceBack()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        await cluster.ApplyAsync(Services() + "\n---\n" + VirtualService() + "\n---\n" + Canary(IstioVirtualServiceRouting, HeaderSteps));
        await cluster.StartOperatorAsync();
        var v1 = (await cluster.WaitForRolloutAsync("web", r => Healthy(r), "first revision healthy")).Status!.StableRevision!;

        await using var weights = new ObjectRecorder<int?>(cluster.Client, Group, "v1", cluster.Namespace, "virtualservices", CanaryWeight);
        await using var routes = new ObjectRecorder<string>(cluster.Client, Group, "v1", cluster.Namespace, "virtualservices", RouteNames);
        await cluster.SetImageAsync("web", "registry.example/web:2");
        var done = await cluster.WaitForRolloutAsync("web", r => r.Status?.StableRevision is { } s && s != v1, "promotion");

        // Each step's weight reached the VirtualService, in order, and the testers' route was there before any weight.
        Assert.Equal([0, 20, 50, 100], weights.Changes().Take(4).ToArray());
        Assert.Equal(["primary", "rollout-operator-testers,primary", "primary"], routes.Changes().ToArray());
        var healthy = await cluster.WaitForRolloutAsync("web", r => Healthy(r, done.Status!.StableRevision), "healthy on the new revision");
        Assert.Equal(ConditionStatus.True, healthy.Status!.Conditions!.Single(c => c.Type == "Ready").Status);

        var vs = await cluster.GetObjectAsync(Group, "v1", "virtualservices", "web");
        Assert.Equal(0, CanaryWeight(vs));
        Assert.Equal("primary", RouteNames(vs));
        Assert.Equal(3, vs["spec"]!["http"]![0]!["retries"]!["attempts"]!.GetValue<int>());
        Assert.Equal("payments", vs["metadata"]!["labels"]!["team"]!.GetValue<string>());
    }

    internal static int? CanaryWeight(JsonObject vs)
    {
        var primary = vs["spec"]!["http"]!.AsArray().First(r => r!["name"]!.GetValue<string>() == "primary")!;
        var canary = primary["route"]!.AsArray().FirstOrDefault(d => d!["destination"]!["host"]!.GetValue<string>() == "web-canary");
        return canary?["weight"]?.GetValue<int>() ?? 0;
    }

    internal static string RouteNames(JsonObject vs) =>
        string.Join(",", vs["spec"]!["http"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()));
}
