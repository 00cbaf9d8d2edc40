using System.Text.Json.Nodes;
using k8s;
using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.Controller.Traffic.GatewayApi;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Tests.Traffic;

/// <summary>Mirror rules with the standard RequestMirror filter, written against the upstream v1.6.1 CRD schemas.</summary>
public sealed class GatewayApiMirrorRouteTests(TrafficEmulatorFixture fx) : IClassFixture<TrafficEmulatorFixture>
{
    private static readonly MirrorRoutePlan Shadow = new("shadow", [new HeaderMatchPlan("x-shadow", StringMatchKind.Exact, "on")], 10);

    private static CancellationToken Ct => TrafficEmulatorFixture.Ct;

    private GatewayApiTrafficRouter Router => new(fx.Client, NullLogger<GatewayApiTrafficRouter>.Instance);

    private static JsonNode Mirror(JsonObject rule) =>
        rule["filters"]!.AsArray().Single(f => f!["type"]!.GetValue<string>() == "RequestMirror")!["requestMirror"]!;

    [Fact]
    public async Task ApplyAsync_MirrorRoute_AddsRuleWithRequestMirrorPercentAndKeepsForwarding()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);
        var context = TrafficEmulatorFixture.Context(ns, Routes.Http(rule: "api"));

        await Router.ApplyAsync(context, new DesiredTraffic(20, [], [Shadow]), Ct);

        var route = await fx.GetRouteAsync("httproutes", ns, "web");
        Assert.Equal(["rollout-operator-shadow", "api", "static", "legacy"], Routes.RuleNames(route));
        var rule = Routes.Rule(route, "rollout-operator-shadow");
        Assert.Equal("""{"backendRef":{"group":"","kind":"Service","name":"web-canary","port":8080},"percent":10}""", Mirror(rule).ToJsonString());
        Assert.Equal("RequestHeaderModifier", rule["filters"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(new Dictionary<string, int> { ["web-stable"] = 80, ["web-canary"] = 20 }, Routes.Weights(rule));
        var match = rule["matches"]!.AsArray().Single()!;
        Assert.Equal("/api", match["path"]!["value"]!.GetValue<string>());
        Assert.Equal("""[{"name":"x-shadow","type":"Exact","value":"on"}]""", match["headers"]!.ToJsonString());
        var observed = (await Router.ObserveAsync(context, Ct))!;
        Assert.Equal(20, observed.CanaryWeight);
        Assert.Equal([new MirrorRouteObservation("shadow", 1000)], observed.MirrorRoutes);
        Assert.Empty(observed.HeaderRoutes);
    }

    [Fact]
    public async Task ApplyAsync_FractionalPercentage_WritesFraction()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);
        var context = TrafficEmulatorFixture.Context(ns, Routes.Http(rule: "api"));

        await Router.ApplyAsync(context, new DesiredTraffic(0, [], [new MirrorRoutePlan("all", [], 0.5)]), Ct);

        var rule = Routes.Rule(await fx.GetRouteAsync("httproutes", ns, "web"), "rollout-operator-all");
        Assert.Equal("""{"numerator":50,"denominator":10000}""", Mirror(rule)["fraction"]!.ToJsonString());
        Assert.Null(Mirror(rule)["percent"]);
        Assert.Equal([new MirrorRouteObservation("all", 50)], (await Router.ObserveAsync(context, Ct))!.MirrorRoutes);
    }

    [Fact]
    public async Task ApplyAsync_Converged_NoWrite_AndWeightChangeMovesMirrorRuleWeightsToo()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);
        var context = TrafficEmulatorFixture.Context(ns, Routes.Http());
        await Router.ApplyAsync(context, new DesiredTraffic(20, [], [Shadow]), Ct);
        var writes = fx.WritesIn(ns);

        await Router.ApplyAsync(context, new DesiredTraffic(20, [], [Shadow]), Ct);
        Assert.Equal(writes, fx.WritesIn(ns));

        await Router.ApplyAsync(context, new DesiredTraffic(50, [], [Shadow]), Ct);
        var route = await fx.GetRouteAsync("httproutes", ns, "web");
        Assert.Equal(["rollout-operator-shadow-0", "rollout-operator-shadow-1", "api", "static", "legacy"], Routes.RuleNames(route));
        Assert.All(new[] { "rollout-operator-shadow-0", "rollout-operator-shadow-1", "api", "legacy" }, name =>
            Assert.Equal(new Dictionary<string, int> { ["web-stable"] = 50, ["web-canary"] = 50 }, Routes.Weights(Routes.Rule(route, name))));
        Assert.Equal(50, (await Router.ObserveAsync(context, Ct))!.CanaryWeight);
    }

    [Fact]
    public async Task ApplyAsync_SameMirrorNewShareAtTheSameWeight_WritesAndReportsTheNewShare()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);
        var context = TrafficEmulatorFixture.Context(ns, Routes.Http());
        await Router.ApplyAsync(context, new DesiredTraffic(0, [], [Shadow]), Ct);
        Assert.Equal([new MirrorRouteObservation("shadow", 1000)], (await Router.ObserveAsync(context, Ct))!.MirrorRoutes);

        await Router.ApplyAsync(context, new DesiredTraffic(0, [], [Shadow with { Percentage = 12.5 }]), Ct);

        var route = await fx.GetRouteAsync("httproutes", ns, "web");
        Assert.All(new[] { "rollout-operator-shadow-0", "rollout-operator-shadow-1" }, name =>
            Assert.Equal("""{"numerator":1250,"denominator":10000}""", Mirror(Routes.Rule(route, name))["fraction"]!.ToJsonString()));
        Assert.Equal([new MirrorRouteObservation("shadow", 1250)], (await Router.ObserveAsync(context, Ct))!.MirrorRoutes);
    }

    [Fact]
    public async Task ObserveAsync_MirrorRulesCopyDifferentShares_MirrorNotReported()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);
        var context = TrafficEmulatorFixture.Context(ns, Routes.Http());
        await Router.ApplyAsync(context, new DesiredTraffic(0, [], [Shadow]), Ct);
        var route = await fx.GetRouteAsync("httproutes", ns, "web");

        // Someone edits one of the two rules: the route no longer copies one share, so the mirror is not in force.
        Mirror(Routes.Rule(route, "rollout-operator-shadow-1"))["percent"] = 30;
        await fx.Client.CustomObjects.ReplaceNamespacedCustomObjectAsync(route, "gateway.networking.k8s.io", "v1", ns, "httproutes", "web", cancellationToken: Ct);

        Assert.Empty((await Router.ObserveAsync(context, Ct))!.MirrorRoutes);
    }

    [Fact]
    public async Task ApplyAsync_MirrorNoLongerDesired_RouteBackToTheUsersSpec()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);
        var context = TrafficEmulatorFixture.Context(ns, Routes.Http(rule: "api"));
        var original = await fx.GetRouteAsync("httproutes", ns, "web");
        await Router.ApplyAsync(context, new DesiredTraffic(0, [], [Shadow]), Ct);

        await Router.ApplyAsync(context, DesiredTraffic.Stable, Ct);

        var route = await fx.GetRouteAsync("httproutes", ns, "web");
        Assert.True(JsonNode.DeepEquals(original["spec"], route["spec"]), route["spec"]!.ToJsonString());
        Assert.Empty((await Router.ObserveAsync(context, Ct))!.MirrorRoutes);
    }

    [Fact]
    public async Task ResetAsync_HeaderAndMirrorRules_BothRemoved()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);
        var context = TrafficEmulatorFixture.Context(ns, Routes.Http(rule: "api"));
        var beta = new HeaderRoutePlan("beta", [new HeaderMatchPlan("x-canary", StringMatchKind.Exact, "yes")]);
        await Router.ApplyAsync(context, new DesiredTraffic(30, [beta], [Shadow]), Ct);
        Assert.Equal(["rollout-operator-beta", "rollout-operator-shadow", "api", "static", "legacy"], Routes.RuleNames(await fx.GetRouteAsync("httproutes", ns, "web")));

        await Router.ResetAsync(context, Ct);

        Assert.Equal(["api", "static", "legacy"], Routes.RuleNames(await fx.GetRouteAsync("httproutes", ns, "web")));
        var observed = (await Router.ObserveAsync(context, Ct))!;
        Assert.Equal(0, observed.CanaryWeight);
        Assert.Empty(observed.MirrorRoutes);
        Assert.Empty(observed.HeaderRoutes);
    }

    [Fact]
    public async Task ApplyAsync_GrpcMirror_IsAcceptedBySchema()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("grpcroutes", ns, Routes.Grpc);
        var context = TrafficEmulatorFixture.Context(ns, new Core.Api.TrafficRouting
        {
            GatewayApi = new Core.Api.GatewayApiRouting { GrpcRoutes = [new Core.Api.RouteRef { Name = "rpc" }] },
        });

        await Router.ApplyAsync(context, new DesiredTraffic(5, [], [Shadow]), Ct);

        var rule = Routes.Rules(await fx.GetRouteAsync("grpcroutes", ns, "rpc"))[0]!.AsObject();
        Assert.Equal("rollout-operator-shadow", rule["name"]!.GetValue<string>());
        Assert.Equal(10, Mirror(rule)["percent"]!.GetValue<int>());
        Assert.Equal([new MirrorRouteObservation("shadow", 1000)], (await Router.ObserveAsync(context, Ct))!.MirrorRoutes);
    }
}
