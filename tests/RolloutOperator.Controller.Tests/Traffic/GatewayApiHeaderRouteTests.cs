using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Controller.Traffic.GatewayApi;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Tests.Traffic;

public sealed class GatewayApiHeaderRouteTests(TrafficEmulatorFixture fx) : IClassFixture<TrafficEmulatorFixture>
{
    private static readonly HeaderRoutePlan Beta = new("beta", [new HeaderMatchPlan("x-canary", StringMatchKind.Exact, "yes")]);

    private static CancellationToken Ct => TrafficEmulatorFixture.Ct;

    private GatewayApiTrafficRouter Router => new(fx.Client, NullLogger<GatewayApiTrafficRouter>.Instance);

    [Fact]
    public async Task ApplyAsync_HeaderRoute_AddsFirstRuleWithManagedPathAndHeaderToCanary()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);
        var context = TrafficEmulatorFixture.Context(ns, Routes.Http(rule: "api"));

        await Router.ApplyAsync(context, 10, [Beta], Ct);

        var route = await fx.GetRouteAsync("httproutes", ns, "web");
        Assert.Equal(["rollout-operator-beta", "api", "static", "legacy"], Routes.RuleNames(route));
        var rule = Routes.Rule(route, "rollout-operator-beta");
        var match = rule["matches"]!.AsArray().Single()!;
        Assert.Equal("/api", match["path"]!["value"]!.GetValue<string>());
        Assert.Equal("""[{"name":"x-canary","type":"Exact","value":"yes"}]""", match["headers"]!.ToJsonString());
        Assert.Equal(new Dictionary<string, int> { ["web-canary"] = 100 }, Routes.Weights(rule));
        Assert.Equal("10s", rule["timeouts"]!["request"]!.GetValue<string>());
        Assert.Equal(["beta"], (await Router.ObserveAsync(context, Ct))!.HeaderRoutes);
    }

    [Fact]
    public async Task ApplyAsync_PrefixAndRegexMatches_WriteRegularExpressionsTheSchemaAccepts()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);
        var plan = new HeaderRoutePlan("mixed", [
            new HeaderMatchPlan("x-user", StringMatchKind.Prefix, "qa.team"),
            new HeaderMatchPlan("x-region", StringMatchKind.Regex, "eu-(west|north)"),
        ]);

        await Router.ApplyAsync(TrafficEmulatorFixture.Context(ns, Routes.Http(rule: "api")), 0, [plan], Ct);

        var rule = Routes.Rule(await fx.GetRouteAsync("httproutes", ns, "web"), "rollout-operator-mixed");
        Assert.Equal(
            """[{"name":"x-user","type":"RegularExpression","value":"^qa\\.team.*"},{"name":"x-region","type":"RegularExpression","value":"eu-(west|north)"}]""",
            rule["matches"]![0]!["headers"]!.ToJsonString());
    }

    [Fact]
    public async Task ApplyAsync_SeveralManagedRules_AddsOneHeaderRulePerManagedRule()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);
        var context = TrafficEmulatorFixture.Context(ns, Routes.Http());

        await Router.ApplyAsync(context, 10, [Beta], Ct);

        var route = await fx.GetRouteAsync("httproutes", ns, "web");
        Assert.Equal(["rollout-operator-beta-0", "rollout-operator-beta-1", "api", "static", "legacy"], Routes.RuleNames(route));
        Assert.Equal("/old", Routes.Rule(route, "rollout-operator-beta-1")["matches"]![0]!["path"]!["value"]!.GetValue<string>());
        Assert.Equal(["beta"], (await Router.ObserveAsync(context, Ct))!.HeaderRoutes);
    }

    [Fact]
    public async Task ApplyAsync_HeaderRouteNoLongerDesired_RemovesOnlyTheOperatorRule()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);
        var context = TrafficEmulatorFixture.Context(ns, Routes.Http(rule: "api"));
        var original = await fx.GetRouteAsync("httproutes", ns, "web");
        await Router.ApplyAsync(context, 0, [Beta], Ct);

        await Router.ApplyAsync(context, 0, [], Ct);

        var route = await fx.GetRouteAsync("httproutes", ns, "web");
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(original["spec"], route["spec"]), route["spec"]!.ToJsonString());
        Assert.Empty((await Router.ObserveAsync(context, Ct))!.HeaderRoutes);
    }

    [Fact]
    public async Task ApplyAsync_HeaderRouteWithoutMatches_MeansRemoved()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);
        var context = TrafficEmulatorFixture.Context(ns, Routes.Http(rule: "api"));
        await Router.ApplyAsync(context, 0, [Beta], Ct);

        await Router.ApplyAsync(context, 0, [new HeaderRoutePlan("beta", [])], Ct);

        Assert.DoesNotContain("rollout-operator-beta", Routes.RuleNames(await fx.GetRouteAsync("httproutes", ns, "web")));
    }

    [Fact]
    public async Task ResetAsync_AfterHeaderRouteAndWeight_RestoresStableAndRemovesOperatorRules()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);
        var context = TrafficEmulatorFixture.Context(ns, Routes.Http(rule: "api"));
        await Router.ApplyAsync(context, 60, [Beta], Ct);

        await Router.ResetAsync(context, Ct);

        var route = await fx.GetRouteAsync("httproutes", ns, "web");
        Assert.Equal(["api", "static", "legacy"], Routes.RuleNames(route));
        Assert.Equal(new Dictionary<string, int> { ["web-stable"] = 100, ["web-canary"] = 0 }, Routes.Weights(Routes.Rule(route, "api")));
    }

    [Fact]
    public async Task ApplyAsync_GrpcHeaderRoute_KeepsMethodMatchAndIsAccepted()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("grpcroutes", ns, Routes.Grpc);
        var context = TrafficEmulatorFixture.Context(ns, new Core.Api.TrafficRouting
        {
            GatewayApi = new Core.Api.GatewayApiRouting { GrpcRoutes = [new Core.Api.RouteRef { Name = "rpc" }] },
        });

        await Router.ApplyAsync(context, 5, [Beta], Ct);

        var rule = Routes.Rules(await fx.GetRouteAsync("grpcroutes", ns, "rpc"))[0]!;
        Assert.Equal("rollout-operator-beta", rule["name"]!.GetValue<string>());
        Assert.Equal("shop.Cart", rule["matches"]![0]!["method"]!["service"]!.GetValue<string>());
        Assert.Equal(["beta"], (await Router.ObserveAsync(context, Ct))!.HeaderRoutes);
    }

    [Fact]
    public async Task ApplyAsync_HeaderNameTheSchemaRejects_ThrowsTrafficRoutingException()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);
        var bad = new HeaderRoutePlan("bad", [new HeaderMatchPlan("x canary", StringMatchKind.Exact, "yes")]);

        var error = await Assert.ThrowsAsync<TrafficRoutingException>(
            () => Router.ApplyAsync(TrafficEmulatorFixture.Context(ns, Routes.Http(rule: "api")), 0, [bad], Ct));

        Assert.StartsWith($"HTTPRoute {ns}/web rejected the traffic update:", error.Message, StringComparison.Ordinal);
    }
}
