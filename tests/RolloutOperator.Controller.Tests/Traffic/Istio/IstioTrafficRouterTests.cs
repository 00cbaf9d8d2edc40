using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Controller.Traffic.Istio;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Tests.Traffic.Istio;

public sealed class IstioTrafficRouterTests(IstioEmulatorFixture fx) : IClassFixture<IstioEmulatorFixture>
{
    private static readonly HeaderRoutePlan Beta = new("beta", [new HeaderMatchPlan("X-Canary", StringMatchKind.Exact, "yes")]);

    private static CancellationToken Ct => IstioEmulatorFixture.Ct;

    private IstioTrafficRouter Router => new(fx.Client, NullLogger<IstioTrafficRouter>.Instance);

    private async Task<string> WebAsync()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateAsync("virtualservices", ns, VirtualServices.InNamespace(VirtualServices.Web, ns));
        return ns;
    }

    [Fact]
    public async Task ApplyAsync_NamedHttpRoute_WritesOnlyItsWeights()
    {
        var ns = await WebAsync();
        var context = IstioEmulatorFixture.Context(ns, VirtualServices.Routing("web", "primary"));

        await Router.ApplyAsync(context, 30, [], Ct);

        var vs = await fx.GetAsync("virtualservices", ns, "web");
        Assert.Equal(new Dictionary<string, int?> { ["web-stable"] = 70, ["web-canary"] = 30 }, VirtualServices.Weights(VirtualServices.Route(vs, "primary")));
        Assert.Null(VirtualServices.Route(vs, "legacy")["route"]![0]!["weight"]);
        Assert.Equal(100, vs["spec"]!["tls"]![0]!["route"]![0]!["weight"]!.GetValue<int>());
        Assert.Equal("payments", vs["metadata"]!["annotations"]!["team"]!.GetValue<string>());
        Assert.Equal("10s", VirtualServices.Route(vs, "primary")["timeout"]!.GetValue<string>());
        Assert.Equal(30, (await Router.ObserveAsync(context, Ct))!.CanaryWeight);
    }

    [Fact]
    public async Task ApplyAsync_NoRoutesNamed_ManagesEveryHttpTlsAndTcpRouteToStable()
    {
        var ns = await WebAsync();
        var context = IstioEmulatorFixture.Context(ns, VirtualServices.Routing());

        await Router.ApplyAsync(context, 25, [], Ct);

        var vs = await fx.GetAsync("virtualservices", ns, "web");
        Assert.Equal(new Dictionary<string, int?> { ["web-stable"] = 75, ["web-canary"] = 25 }, VirtualServices.Weights(VirtualServices.Route(vs, "primary")));
        Assert.Equal(
            new Dictionary<string, int?> { [$"web-stable.{ns}.svc.cluster.local"] = 75, [$"web-canary.{ns}.svc.cluster.local"] = 25 },
            VirtualServices.Weights(VirtualServices.Route(vs, "legacy")));
        Assert.Equal(new Dictionary<string, int?> { ["web-stable"] = 75, ["web-canary"] = 25 }, VirtualServices.Weights(vs["spec"]!["tls"]![0]!));
        Assert.Equal(new Dictionary<string, int?> { ["web-stable"] = 75, ["web-canary"] = 25 }, VirtualServices.Weights(vs["spec"]!["tcp"]![0]!));
        Assert.Equal(8443, vs["spec"]!["tls"]![0]!["route"]![1]!["destination"]!["port"]!["number"]!.GetValue<int>());
        Assert.Equal(new Dictionary<string, int?> { ["cdn"] = null }, VirtualServices.Weights(VirtualServices.Route(vs, "static")));
        Assert.Equal(25, (await Router.ObserveAsync(context, Ct))!.CanaryWeight);
    }

    [Fact]
    public async Task ApplyAsync_TlsAndTcpRoutesByMatch_WritesTheirWeights()
    {
        var ns = await WebAsync();
        var routing = new IstioRouting
        {
            VirtualServices = [new IstioVirtualService
            {
                Name = "web",
                TlsRoutes = [new IstioTlsRoute { Port = 443, SniHosts = ["web.example.com"] }],
                TcpRoutes = [new IstioTcpRoute { Port = 5432 }],
            }],
        };

        await Router.ApplyAsync(IstioEmulatorFixture.Context(ns, routing), 40, [], Ct);

        var vs = await fx.GetAsync("virtualservices", ns, "web");
        Assert.Equal(new Dictionary<string, int?> { ["web-stable"] = 60, ["web-canary"] = 40 }, VirtualServices.Weights(vs["spec"]!["tls"]![0]!));
        Assert.Equal(new Dictionary<string, int?> { ["web-stable"] = 60, ["web-canary"] = 40 }, VirtualServices.Weights(vs["spec"]!["tcp"]![0]!));
        Assert.Equal(new Dictionary<string, int?> { ["web-stable"] = 100, ["web-canary"] = 0 }, VirtualServices.Weights(VirtualServices.Route(vs, "primary")));
    }

    [Fact]
    public async Task ApplyAsync_HeaderRoute_AddsFirstRouteWithManagedMatchAndSettingsToCanary()
    {
        var ns = await WebAsync();
        var context = IstioEmulatorFixture.Context(ns, VirtualServices.Routing("web", "primary"));

        await Router.ApplyAsync(context, 10, [Beta], Ct);

        var vs = await fx.GetAsync("virtualservices", ns, "web");
        Assert.Equal(["rollout-operator-beta", "primary", "static", "legacy"], VirtualServices.RouteNames(vs));
        var route = VirtualServices.Route(vs, "rollout-operator-beta");
        Assert.Equal("""[{"uri":{"prefix":"/api"},"headers":{"x-canary":{"exact":"yes"}}}]""", route["match"]!.ToJsonString());
        Assert.Equal(new Dictionary<string, int?> { ["web-canary"] = 100 }, VirtualServices.Weights(route));
        Assert.Equal("10s", route["timeout"]!.GetValue<string>());
        Assert.Equal(["beta"], (await Router.ObserveAsync(context, Ct))!.HeaderRoutes);

        await Router.ApplyAsync(context, 10, [], Ct);

        vs = await fx.GetAsync("virtualservices", ns, "web");
        Assert.Equal(["primary", "static", "legacy"], VirtualServices.RouteNames(vs));
        Assert.Empty((await Router.ObserveAsync(context, Ct))!.HeaderRoutes);
    }

    [Fact]
    public async Task ApplyAsync_PrefixAndRegexMatches_UseIstioMatchKinds()
    {
        var ns = await WebAsync();
        var plan = new HeaderRoutePlan("mixed", [
            new HeaderMatchPlan("x-user", StringMatchKind.Prefix, "qa.team"),
            new HeaderMatchPlan("x-region", StringMatchKind.Regex, "eu-(west|north)"),
        ]);

        await Router.ApplyAsync(IstioEmulatorFixture.Context(ns, VirtualServices.Routing("web", "primary")), 0, [plan], Ct);

        var route = VirtualServices.Route(await fx.GetAsync("virtualservices", ns, "web"), "rollout-operator-mixed");
        Assert.Equal("""{"x-user":{"prefix":"qa.team"},"x-region":{"regex":"eu-(west|north)"}}""", route["match"]![0]!["headers"]!.ToJsonString());
    }

    [Fact]
    public async Task ApplyAsync_NoCanaryDestination_AddsOneClonedFromStable()
    {
        var ns = await WebAsync();

        await Router.ApplyAsync(IstioEmulatorFixture.Context(ns, VirtualServices.Routing("web", "legacy")), 20, [], Ct);

        var legacy = VirtualServices.Route(await fx.GetAsync("virtualservices", ns, "web"), "legacy");
        Assert.Equal($"web-canary.{ns}.svc.cluster.local", legacy["route"]![1]!["destination"]!["host"]!.GetValue<string>());
        Assert.Equal(8080, legacy["route"]![1]!["destination"]!["port"]!["number"]!.GetValue<int>());
        Assert.Equal(80, legacy["route"]![0]!["weight"]!.GetValue<int>());
    }

    [Fact]
    public async Task ApplyAsync_SeveralVirtualServices_WritesEveryOneAndObservesTheirAgreement()
    {
        var ns = await WebAsync();
        await fx.CreateAsync("virtualservices", ns, VirtualServices.Mesh.Replace("\"subset\": \"stable\"", "\"port\": { \"number\": 80 }").Replace("\"host\": \"web\", \"subset\": \"canary\"", "\"host\": \"web-canary\"").Replace("\"host\": \"web\",", "\"host\": \"web-stable\","));
        var routing = new IstioRouting { VirtualServices = [new IstioVirtualService { Name = "web", HttpRoutes = ["primary"] }, new IstioVirtualService { Name = "web-mesh" }] };
        var context = IstioEmulatorFixture.Context(ns, routing);

        await Router.ApplyAsync(context, 50, [Beta], Ct);

        var mesh = await fx.GetAsync("virtualservices", ns, "web-mesh");
        Assert.Equal(50, VirtualServices.Weights(VirtualServices.Route(mesh, "primary"))["web-canary"]);
        Assert.Equal(["rollout-operator-beta", "primary"], VirtualServices.RouteNames(mesh));
        var observed = await Router.ObserveAsync(context, Ct);
        Assert.Equal(50, observed!.CanaryWeight);
        Assert.Equal(["beta"], observed.HeaderRoutes);
    }

    [Fact]
    public async Task ObserveAsync_VirtualServicesDisagree_ReturnsNull()
    {
        var ns = await WebAsync();
        await fx.CreateAsync("virtualservices", ns, VirtualServices.Web.Replace("\"name\": \"web\"", "\"name\": \"web-2\"", StringComparison.Ordinal).Replace("NS", ns, StringComparison.Ordinal));
        await Router.ApplyAsync(IstioEmulatorFixture.Context(ns, VirtualServices.Routing("web", "primary")), 30, [], Ct);
        var both = new IstioRouting { VirtualServices = [new IstioVirtualService { Name = "web", HttpRoutes = ["primary"] }, new IstioVirtualService { Name = "web-2", HttpRoutes = ["primary"] }] };

        Assert.Null(await Router.ObserveAsync(IstioEmulatorFixture.Context(ns, both), Ct));
    }

    [Fact]
    public async Task ResetAsync_AfterHeaderRouteAndWeight_PutsEverythingBackOnStable()
    {
        var ns = await WebAsync();
        var context = IstioEmulatorFixture.Context(ns, VirtualServices.Routing());
        await Router.ApplyAsync(context, 60, [Beta], Ct);

        await Router.ResetAsync(context, Ct);

        var vs = await fx.GetAsync("virtualservices", ns, "web");
        Assert.Equal(["primary", "static", "legacy"], VirtualServices.RouteNames(vs));
        Assert.Equal(new Dictionary<string, int?> { ["web-stable"] = 100, ["web-canary"] = 0 }, VirtualServices.Weights(VirtualServices.Route(vs, "primary")));
        Assert.Equal(0, (await Router.ObserveAsync(context, Ct))!.CanaryWeight);
    }

    [Fact]
    public async Task ResetAsync_VirtualServiceGone_DoesNothing()
    {
        var ns = await fx.NewNamespaceAsync();

        await Router.ResetAsync(IstioEmulatorFixture.Context(ns, VirtualServices.Routing()), Ct);

        Assert.Equal(0, fx.WritesIn(ns));
    }

    [Theory]
    [InlineData("missing", null, "VirtualService {0}/missing not found")]
    [InlineData("web", "nope", "VirtualService {0}/web has no HTTP route named nope")]
    [InlineData("web", "static", "VirtualService {0}/web HTTP route static has no destination to Service web-stable")]
    public async Task ApplyAsync_Misconfigured_ThrowsNamingTheObject(string name, string? route, string message)
    {
        var ns = await WebAsync();
        var routing = VirtualServices.Routing(name, route is null ? [] : [route]);

        var error = await Assert.ThrowsAsync<TrafficRoutingException>(() => Router.ApplyAsync(IstioEmulatorFixture.Context(ns, routing), 10, [], Ct));

        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, ns), error.Message);
    }

    [Fact]
    public async Task ApplyAsync_RouteWithAThirdDestination_IsRefusedUntouched()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateAsync("virtualservices", ns, VirtualServices.Mesh.Replace("\"subset\": \"canary\"", "\"subset\": \"other\"").Replace("\"subset\": \"stable\"", "\"subset\": \"x\"").Replace("\"host\": \"web\", \"subset\": \"x\"", "\"host\": \"web-stable\""));

        var error = await Assert.ThrowsAsync<TrafficRoutingException>(() => Router.ApplyAsync(IstioEmulatorFixture.Context(ns, VirtualServices.Routing("web-mesh")), 10, [], Ct));

        Assert.Contains("destinations other than the stable and canary ones", error.Message, StringComparison.Ordinal);
        Assert.Equal(100, VirtualServices.Weights(VirtualServices.Route(await fx.GetAsync("virtualservices", ns, "web-mesh"), "primary"))["web-stable"]);
    }
}
