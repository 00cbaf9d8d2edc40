using k8s.Models;
using RolloutOperator.Controller.Reconciliation;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Tests.Traffic;

/// <summary>Several routers at once: every operation reaches all of them, and the observation is what all of them report.</summary>
public sealed class TrafficGatewayTests
{
    private static CancellationToken Ct => CancellationToken.None;

    private readonly InMemoryRouter _gateway = new("gatewayAPI");
    private readonly InMemoryRouter _nginx = new("nginx");
    private readonly TrafficGateway _traffic;

    public TrafficGatewayTests() => _traffic = new TrafficGateway(new TrafficRouterRegistry([_gateway, _nginx]));

    private static Rollout Rollout() => new()
    {
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "apps", Uid = "u1" },
        Spec = new RolloutSpec
        {
            Strategy = new RolloutStrategy
            {
                Canary = new CanaryStrategy
                {
                    StableService = "web-stable",
                    CanaryService = "web-canary",
                    TrafficRouting = new TrafficRouting
                    {
                        GatewayApi = new GatewayApiRouting { HttpRoutes = [new RouteRef { Name = "web" }] },
                        Nginx = new NginxRouting { StableIngress = "web" },
                    },
                },
            },
        },
    };

    private static RolloutPlan Plan() =>
        new("r2", 4, new CanaryPlan([], null, 0, ["gatewayAPI", "nginx"], 1, 0, TimeSpan.Zero, TimeSpan.Zero, false), TimeSpan.FromMinutes(10), false, false, 10, 0, "app=web");

    private static readonly MirrorRoutePlan Shadow = new("shadow", [], 10);

    [Fact]
    public async Task Apply_TwoRouters_BothGetTheWholeDesiredState()
    {
        var events = new List<RolloutEvent>();
        await _traffic.ApplyAsync(Rollout(), new RouteTraffic(30, [], [Shadow]), events, Ct);

        foreach (var router in new[] { _gateway, _nginx })
        {
            Assert.Equal(30, router.InForce.CanaryWeight);
            Assert.Equal([Shadow], router.InForce.MirrorRoutes);
        }

        Assert.Empty(events);
    }

    [Fact]
    public async Task Observe_OneRouterLags_NoObservationUntilBothReportTheSplit()
    {
        _nginx.Lagging = true;
        await _traffic.ApplyAsync(Rollout(), new RouteTraffic(30, [], [Shadow]), [], Ct);

        Assert.Null(await _traffic.ObserveAsync(Rollout(), Plan(), [], Ct));

        _nginx.Lagging = false;
        await _traffic.ApplyAsync(Rollout(), new RouteTraffic(30, [], [Shadow]), [], Ct);
        var observed = await _traffic.ObserveAsync(Rollout(), Plan(), [], Ct);
        Assert.Equal(30, observed!.CanaryWeight);
        Assert.Equal([new MirrorRouteObservation("shadow", 1000)], observed.MirrorRoutes);
    }

    [Fact]
    public async Task Observe_RoutersAgreeOnWeightButNotOnMirror_NoObservation()
    {
        await _traffic.ApplyAsync(Rollout(), new RouteTraffic(30, [], [Shadow]), [], Ct);
        _nginx.Lagging = true;
        await _traffic.ApplyAsync(Rollout(), new RouteTraffic(30, [], []), [], Ct);

        Assert.Null(await _traffic.ObserveAsync(Rollout(), Plan(), [], Ct));
    }

    [Fact]
    public async Task Observe_RoutersAgreeOnMirrorNameButNotOnItsShare_NoObservation()
    {
        await _traffic.ApplyAsync(Rollout(), new RouteTraffic(30, [], [Shadow]), [], Ct);
        _nginx.Lagging = true;
        await _traffic.ApplyAsync(Rollout(), new RouteTraffic(30, [], [Shadow with { Percentage = 50 }]), [], Ct);

        Assert.Null(await _traffic.ObserveAsync(Rollout(), Plan(), [], Ct));
    }

    [Fact]
    public async Task Apply_FirstRouterMisconfigured_OtherRouterStillWritten_FailureNamesTheRouter()
    {
        _gateway.Misconfigured = "HTTPRoute apps/web not found";
        var events = new List<RolloutEvent>();

        await _traffic.ApplyAsync(Rollout(), new RouteTraffic(40, [], []), events, Ct);

        Assert.Equal(40, _nginx.InForce.CanaryWeight);
        var warning = Assert.Single(events);
        Assert.Equal(TrafficGateway.ErrorReason, warning.Reason);
        Assert.Equal("traffic router gatewayAPI: HTTPRoute apps/web not found", warning.Message);

        var observeEvents = new List<RolloutEvent>();
        Assert.Null(await _traffic.ObserveAsync(Rollout(), Plan(), observeEvents, Ct));
        Assert.Contains(observeEvents, e => e.Message.StartsWith("traffic router gatewayAPI:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apply_AbortState_ResetsEveryRouter()
    {
        await _traffic.ApplyAsync(Rollout(), new RouteTraffic(60, [], [Shadow]), [], Ct);

        // Abort: Core desires weight 0 and no routes; it reaches every router.
        await _traffic.ApplyAsync(Rollout(), new RouteTraffic(0, [], []), [], Ct);

        foreach (var router in new[] { _gateway, _nginx })
        {
            Assert.Equal(0, router.InForce.CanaryWeight);
            Assert.Empty(router.InForce.MirrorRoutes);
        }

        Assert.Equal(0, (await _traffic.ObserveAsync(Rollout(), Plan(), [], Ct))!.CanaryWeight);
    }
}
