using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Controller.Traffic.GatewayApi;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Tests.Traffic;

public sealed class GatewayApiTrafficRouterTests(TrafficEmulatorFixture fx) : IClassFixture<TrafficEmulatorFixture>
{
    private static CancellationToken Ct => TrafficEmulatorFixture.Ct;

    private GatewayApiTrafficRouter Router => new(fx.Client, NullLogger<GatewayApiTrafficRouter>.Instance);

    [Fact]
    public async Task ApplyAsync_Weight20_StableGets80CanaryGets20AndObservesTwenty()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);
        var context = TrafficEmulatorFixture.Context(ns, Routes.Http());

        await Router.ApplyAsync(context, 20, [], Ct);

        var route = await fx.GetRouteAsync("httproutes", ns, "web");
        Assert.Equal(new Dictionary<string, int> { ["web-stable"] = 80, ["web-canary"] = 20 }, Routes.Weights(Routes.Rule(route, "api")));
        Assert.Equal(new Dictionary<string, int> { ["web-stable"] = 80, ["web-canary"] = 20 }, Routes.Weights(Routes.Rule(route, "legacy")));
        var observed = await Router.ObserveAsync(context, Ct);
        Assert.Equal(20, observed!.CanaryWeight);
        Assert.Empty(observed.HeaderRoutes);
    }

    [Fact]
    public async Task ApplyAsync_Weights_LeavesEveryOtherUserFieldUntouched()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);
        var before = await fx.GetRouteAsync("httproutes", ns, "web");

        await Router.ApplyAsync(TrafficEmulatorFixture.Context(ns, Routes.Http(rule: "api")), 30, [], Ct);

        var after = await fx.GetRouteAsync("httproutes", ns, "web");
        var expected = before["spec"]!.DeepClone();
        expected["rules"]![0]!["backendRefs"]![0]!["weight"] = 70;
        expected["rules"]![0]!["backendRefs"]![1]!["weight"] = 30;
        Assert.True(JsonNode.DeepEquals(expected, after["spec"]), after["spec"]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(before["metadata"]!["labels"], after["metadata"]!["labels"]));
        Assert.True(JsonNode.DeepEquals(before["metadata"]!["annotations"], after["metadata"]!["annotations"]));
    }

    [Fact]
    public async Task ApplyAsync_CanaryBackendRefMissing_AddsItWithTheStablePort()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);

        await Router.ApplyAsync(TrafficEmulatorFixture.Context(ns, Routes.Http(rule: "legacy")), 10, [], Ct);

        var legacy = Routes.Rule(await fx.GetRouteAsync("httproutes", ns, "web"), "legacy");
        var canary = legacy["backendRefs"]!.AsArray().Single(b => b!["name"]!.GetValue<string>() == "web-canary")!;
        Assert.Equal(8080, canary["port"]!.GetValue<int>());
        Assert.Equal(new Dictionary<string, int> { ["web-stable"] = 90, ["web-canary"] = 10 }, Routes.Weights(legacy));
    }

    [Fact]
    public async Task ApplyAsync_NamedRule_ChangesOnlyThatRule()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);
        var before = await fx.GetRouteAsync("httproutes", ns, "web");

        await Router.ApplyAsync(TrafficEmulatorFixture.Context(ns, Routes.Http(rule: "api")), 50, [], Ct);

        var after = await fx.GetRouteAsync("httproutes", ns, "web");
        Assert.Equal(50, Routes.Weights(Routes.Rule(after, "api"))["web-canary"]);
        Assert.True(JsonNode.DeepEquals(Routes.Rule(before, "legacy"), Routes.Rule(after, "legacy")));
        Assert.True(JsonNode.DeepEquals(Routes.Rule(before, "static"), Routes.Rule(after, "static")));
    }

    [Fact]
    public async Task ApplyAsync_GrpcRoute_SetsWeightsAndObservesThem()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("grpcroutes", ns, Routes.Grpc);
        var context = TrafficEmulatorFixture.Context(ns, new TrafficRouting
        {
            GatewayApi = new GatewayApiRouting { GrpcRoutes = [new RouteRef { Name = "rpc" }] },
        });

        await Router.ApplyAsync(context, 25, [], Ct);

        var rule = Routes.Rules(await fx.GetRouteAsync("grpcroutes", ns, "rpc"))[0]!.AsObject();
        Assert.Equal(new Dictionary<string, int> { ["web-stable"] = 75, ["web-canary"] = 25 }, Routes.Weights(rule));
        Assert.Equal(25, (await Router.ObserveAsync(context, Ct))!.CanaryWeight);
    }

    [Fact]
    public async Task ObserveAsync_ManagedRulesDisagree_ReportsNoSplitSoItIsWrittenAgain()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);
        await Router.ApplyAsync(TrafficEmulatorFixture.Context(ns, Routes.Http(rule: "api")), 40, [], Ct);

        var observed = await Router.ObserveAsync(TrafficEmulatorFixture.Context(ns, Routes.Http()), Ct);

        Assert.Null(observed);
    }

    [Fact]
    public async Task ObserveAsync_RouteMissing_ThrowsTrafficRoutingException()
    {
        var ns = await fx.NewNamespaceAsync();

        var error = await Assert.ThrowsAsync<TrafficRoutingException>(() => Router.ObserveAsync(TrafficEmulatorFixture.Context(ns, Routes.Http()), Ct));

        Assert.Equal($"HTTPRoute {ns}/web not found", error.Message);
    }

    [Fact]
    public async Task ApplyAsync_NoBackendRefToStable_ThrowsTrafficRoutingException()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web.Replace("web-stable", "other", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<TrafficRoutingException>(() => Router.ApplyAsync(TrafficEmulatorFixture.Context(ns, Routes.Http()), 10, [], Ct));

        Assert.Equal($"HTTPRoute {ns}/web has no backendRef to Service web-stable", error.Message);
    }

    [Fact]
    public async Task ApplyAsync_NamedRuleMissing_ThrowsTrafficRoutingException()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);

        var error = await Assert.ThrowsAsync<TrafficRoutingException>(() => Router.ApplyAsync(TrafficEmulatorFixture.Context(ns, Routes.Http(rule: "nope")), 10, [], Ct));

        Assert.Equal($"HTTPRoute {ns}/web has no rule named nope", error.Message);
    }

    [Fact]
    public async Task ResetAsync_RouteMissing_DoesNothing()
    {
        var ns = await fx.NewNamespaceAsync();

        await Router.ResetAsync(TrafficEmulatorFixture.Context(ns, Routes.Http()), Ct);

        Assert.Equal(0, fx.WritesIn(ns));
    }
}
