using k8s.Models;
using RolloutOperator.Controller.Reconciliation;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Tests.Traffic;

/// <summary>Reset resolves its routers the way observe and apply do, from what it is given: the recorded routes.</summary>
public sealed class TrafficGatewayResetTests
{
    private static CancellationToken Ct => CancellationToken.None;

    private readonly InMemoryRouter _gateway = new("gatewayAPI");
    private readonly InMemoryRouter _istio = new("istio");
    private readonly InMemoryRouter _alb = new("alb");
    private readonly TrafficGateway _traffic;

    public TrafficGatewayResetTests() => _traffic = new TrafficGateway(new TrafficRouterRegistry([_gateway, _istio, _alb]));

    private static readonly IstioRouting Istio = new() { VirtualServices = [new IstioVirtualService { Name = "web-vs" }] };

    private static readonly AlbRouting Alb = new() { Ingresses = ["web-ingress"], ServicePort = 80 };

    private static Rollout Rollout(TrafficRouting routing) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "apps", Uid = "u1" },
        Spec = new RolloutSpec
        {
            Strategy = new RolloutStrategy
            {
                Canary = new CanaryStrategy { StableService = "web-stable", CanaryService = "web-canary", TrafficRouting = routing },
            },
        },
    };

    /// <summary>Every router holds the weight, as if each had been written before.</summary>
    private async Task AllAtAsync(int weight)
    {
        foreach (var router in new[] { _gateway, _istio, _alb })
        {
            await router.ApplyAsync(null!, new DesiredTraffic(weight, [], []), Ct);
        }
    }

    [Fact]
    public async Task Reset_IstioRecord_ResetsIstioOnly()
    {
        var rollout = Rollout(new TrafficRouting { Istio = Istio });
        await AllAtAsync(40);
        var events = new List<RolloutEvent>();

        var done = await _traffic.ResetAsync(rollout, ManagedRoutes.FromSpec(rollout.Spec)!, events, Ct);

        Assert.True(done);
        Assert.Equal(0, _istio.InForce.CanaryWeight);
        Assert.Equal(1, _istio.Resets);
        Assert.Equal(40, _gateway.InForce.CanaryWeight);
        Assert.Equal(40, _alb.InForce.CanaryWeight);
        Assert.Empty(events);
    }

    [Fact]
    public async Task Reset_AlbRecord_ResetsAlbOnly()
    {
        var rollout = Rollout(new TrafficRouting { Alb = Alb });
        await AllAtAsync(25);

        Assert.True(await _traffic.ResetAsync(rollout, ManagedRoutes.FromSpec(rollout.Spec)!, [], Ct));

        Assert.Equal(0, _alb.InForce.CanaryWeight);
        Assert.Equal(25, _gateway.InForce.CanaryWeight);
        Assert.Equal(25, _istio.InForce.CanaryWeight);
    }

    [Fact]
    public async Task Reset_SpecNowIstio_RecordedGatewayRoutesAreTheOnesReset()
    {
        var recorded = ManagedRoutes.FromSpec(Rollout(new TrafficRouting { GatewayApi = new GatewayApiRouting { HttpRoutes = [new RouteRef { Name = "web" }] } }).Spec)!;
        var rollout = Rollout(new TrafficRouting { Istio = Istio });
        await AllAtAsync(60);

        Assert.True(await _traffic.ResetAsync(rollout, recorded, [], Ct));

        Assert.Equal(0, _gateway.InForce.CanaryWeight);
        Assert.Equal(60, _istio.InForce.CanaryWeight);
    }

    [Fact]
    public async Task Reset_RecordNamesAnUnregisteredRouter_NothingReset()
    {
        var traffic = new TrafficGateway(new TrafficRouterRegistry([_gateway]));
        var rollout = Rollout(new TrafficRouting { Istio = Istio, GatewayApi = new GatewayApiRouting { HttpRoutes = [new RouteRef { Name = "web" }] } });
        await AllAtAsync(30);

        Assert.False(await traffic.ResetAsync(rollout, ManagedRoutes.FromSpec(rollout.Spec)!, [], Ct));

        Assert.Equal(30, _gateway.InForce.CanaryWeight);
    }
}
