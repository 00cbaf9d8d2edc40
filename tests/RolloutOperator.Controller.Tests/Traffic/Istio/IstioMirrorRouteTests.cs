using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Controller.Traffic.Istio;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Tests.Traffic.Istio;

public sealed class IstioMirrorRouteTests(IstioEmulatorFixture fx) : IClassFixture<IstioEmulatorFixture>
{
    private static readonly MirrorRoutePlan Shadow = new("shadow", [], 10);

    private static readonly HeaderRoutePlan Beta = new("beta", [new HeaderMatchPlan("x-canary", StringMatchKind.Exact, "yes")]);

    private static CancellationToken Ct => IstioEmulatorFixture.Ct;

    private IstioTrafficRouter Router => new(fx.Client, NullLogger<IstioTrafficRouter>.Instance);

    private async Task<string> WebAsync()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateAsync("virtualservices", ns, VirtualServices.InNamespace(VirtualServices.Web, ns));
        return ns;
    }

    [Fact]
    public async Task ApplyAsync_MirrorRoute_ForwardsAtTheWeightsAndMirrorsAShareToTheCanary()
    {
        var ns = await WebAsync();
        var context = IstioEmulatorFixture.Context(ns, VirtualServices.Routing("web", "primary"));

        await Router.ApplyAsync(context, new DesiredTraffic(20, [Beta], [Shadow]), Ct);

        var vs = await fx.GetAsync("virtualservices", ns, "web");
        Assert.Equal(["rollout-operator-beta", "rollout-operator-shadow", "primary", "static", "legacy"], VirtualServices.RouteNames(vs));
        var mirror = VirtualServices.Route(vs, "rollout-operator-shadow");
        Assert.Equal(new Dictionary<string, int?> { ["web-stable"] = 80, ["web-canary"] = 20 }, VirtualServices.Weights(mirror));
        Assert.Equal("""{"host":"web-canary","port":{"number":8080}}""", mirror["mirror"]!.ToJsonString());
        Assert.Equal(10, mirror["mirrorPercentage"]!["value"]!.GetValue<double>());
        Assert.Equal("""[{"uri":{"prefix":"/api"}}]""", mirror["match"]!.ToJsonString());
        Assert.Equal("10s", mirror["timeout"]!.GetValue<string>());
        var observed = await Router.ObserveAsync(context, Ct);
        Assert.Equal([new MirrorRouteObservation("shadow", 1000)], observed!.MirrorRoutes);
        Assert.Equal(["beta"], observed.HeaderRoutes);
    }

    [Fact]
    public async Task ApplyAsync_MirrorWithHeaderMatchAndFractionalShare_NarrowsTheMatch()
    {
        var ns = await WebAsync();
        var plan = new MirrorRoutePlan("shadow", [new HeaderMatchPlan("x-tenant", StringMatchKind.Prefix, "acme")], 12.5);

        await Router.ApplyAsync(IstioEmulatorFixture.Context(ns, VirtualServices.Routing("web", "primary")), new DesiredTraffic(0, [], [plan]), Ct);

        var mirror = VirtualServices.Route(await fx.GetAsync("virtualservices", ns, "web"), "rollout-operator-shadow");
        Assert.Equal("""[{"uri":{"prefix":"/api"},"headers":{"x-tenant":{"prefix":"acme"}}}]""", mirror["match"]!.ToJsonString());
        Assert.Equal(12.5, mirror["mirrorPercentage"]!["value"]!.GetValue<double>());
        Assert.Equal(new Dictionary<string, int?> { ["web-stable"] = 100 }, VirtualServices.Weights(mirror));
    }

    [Fact]
    public async Task ApplyAsync_WeightChangesWithMirror_KeepsTheMirrorRouteSplitInStepAndConverges()
    {
        var ns = await WebAsync();
        var context = IstioEmulatorFixture.Context(ns, VirtualServices.Routing("web", "primary"));
        await Router.ApplyAsync(context, new DesiredTraffic(20, [], [Shadow]), Ct);

        await Router.ApplyAsync(context, new DesiredTraffic(50, [], [Shadow]), Ct);
        var writes = fx.WritesIn(ns);
        await Router.ApplyAsync(context, new DesiredTraffic(50, [], [Shadow]), Ct);

        Assert.Equal(writes, fx.WritesIn(ns));
        var vs = await fx.GetAsync("virtualservices", ns, "web");
        Assert.Equal(new Dictionary<string, int?> { ["web-stable"] = 50, ["web-canary"] = 50 }, VirtualServices.Weights(VirtualServices.Route(vs, "rollout-operator-shadow")));
        Assert.Equal(50, (await Router.ObserveAsync(context, Ct))!.CanaryWeight);
    }

    [Fact]
    public async Task ApplyAsync_SameMirrorNewShareAtTheSameWeight_WritesAndReportsTheNewShare()
    {
        var ns = await WebAsync();
        var context = IstioEmulatorFixture.Context(ns, VirtualServices.Routing("web", "primary"));
        await Router.ApplyAsync(context, new DesiredTraffic(0, [], [Shadow]), Ct);
        Assert.Equal([new MirrorRouteObservation("shadow", 1000)], (await Router.ObserveAsync(context, Ct))!.MirrorRoutes);

        await Router.ApplyAsync(context, new DesiredTraffic(0, [], [Shadow with { Percentage = 50 }]), Ct);

        var mirror = VirtualServices.Route(await fx.GetAsync("virtualservices", ns, "web"), "rollout-operator-shadow");
        Assert.Equal(50, mirror["mirrorPercentage"]!["value"]!.GetValue<double>());
        Assert.Equal([new MirrorRouteObservation("shadow", 5000)], (await Router.ObserveAsync(context, Ct))!.MirrorRoutes);
    }

    [Fact]
    public async Task ApplyAsync_MirrorDropped_RemovesOnlyTheOperatorRoute()
    {
        var ns = await WebAsync();
        var context = IstioEmulatorFixture.Context(ns, VirtualServices.Routing("web", "primary"));
        await Router.ApplyAsync(context, new DesiredTraffic(20, [], [Shadow]), Ct);

        await Router.ApplyAsync(context, DesiredTraffic.Stable, Ct);

        var vs = await fx.GetAsync("virtualservices", ns, "web");
        Assert.Equal(["primary", "static", "legacy"], VirtualServices.RouteNames(vs));
        Assert.Empty((await Router.ObserveAsync(context, Ct))!.MirrorRoutes);
    }

    [Fact]
    public async Task ApplyAsync_MirrorOnTcpOnlyRouting_IsRefusedAfterTheWeights()
    {
        var ns = await WebAsync();
        var routing = new Core.Api.IstioRouting
        {
            VirtualServices = [new Core.Api.IstioVirtualService { Name = "web", TcpRoutes = [new Core.Api.IstioTcpRoute { Port = 5432 }] }],
        };

        var error = await Assert.ThrowsAsync<TrafficRoutingException>(() => Router.ApplyAsync(IstioEmulatorFixture.Context(ns, routing), new DesiredTraffic(10, [], [Shadow]), Ct));

        Assert.Contains("manages no HTTP route", error.Message, StringComparison.Ordinal);
        Assert.Equal(10, VirtualServices.Weights((await fx.GetAsync("virtualservices", ns, "web"))["spec"]!["tcp"]![0]!)["web-canary"]);
    }
}
