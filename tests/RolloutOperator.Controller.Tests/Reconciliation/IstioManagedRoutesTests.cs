using RolloutOperator.Controller.Reconciliation;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Tests.Reconciliation;

public sealed class IstioManagedRoutesTests
{
    private static RolloutSpec Spec(IstioRouting istio) => new()
    {
        Strategy = new RolloutStrategy
        {
            Canary = new CanaryStrategy { StableService = "web-stable", CanaryService = "web-canary", TrafficRouting = new TrafficRouting { Istio = istio } },
        },
    };

    private static IstioRouting Istio(IstioDestinationRule? rule, params IstioVirtualService[] services) =>
        new() { VirtualServices = [.. services], DestinationRule = rule };

    [Fact]
    public void FromSpec_IstioRouting_IsRecordedAndRoundTripsThroughTheAnnotation()
    {
        var record = ManagedRoutes.FromSpec(Spec(Istio(new IstioDestinationRule { Name = "web" }, new IstioVirtualService { Name = "web", HttpRoutes = ["primary"] })));

        var read = Core.Api.ApiJson.Deserialize<ManagedRoutes>(record!.ToAnnotation());

        Assert.Equal("web", Assert.Single(read!.Routing.Istio!.VirtualServices).Name);
        Assert.Equal(["primary"], read.Routing.Istio.VirtualServices[0].HttpRoutes!);
        Assert.Equal("web", read.Routing.Istio.DestinationRule!.Name);
        Assert.Equal(["web"], read.ObjectNames);
    }

    [Fact]
    public void Without_VirtualServiceDroppedFromTheSpec_ReleasesItWithTheDestinationRuleForItsSubsets()
    {
        var rule = new IstioDestinationRule { Name = "web" };
        var before = ManagedRoutes.FromSpec(Spec(Istio(rule, new IstioVirtualService { Name = "north" }, new IstioVirtualService { Name = "east" })))!;
        var after = ManagedRoutes.FromSpec(Spec(Istio(new IstioDestinationRule { Name = "web" }, new IstioVirtualService { Name = "east" })));

        var released = before.Without(after);

        Assert.Equal("north", Assert.Single(released!.Istio!.VirtualServices).Name);
        Assert.Equal("web", released.Istio.DestinationRule!.Name);
    }

    [Fact]
    public void Without_SameIstioRouting_ReleasesNothing()
    {
        var before = ManagedRoutes.FromSpec(Spec(Istio(null, new IstioVirtualService { Name = "web", HttpRoutes = ["primary"] })))!;

        Assert.Null(before.Without(ManagedRoutes.FromSpec(Spec(Istio(null, new IstioVirtualService { Name = "web", HttpRoutes = ["primary"] })))));
    }

    [Fact]
    public void Without_ManagedRoutesOfAVirtualServiceChanged_ReleasesTheOldEntry()
    {
        var before = ManagedRoutes.FromSpec(Spec(Istio(null, new IstioVirtualService { Name = "web", HttpRoutes = ["primary"] })))!;

        var released = before.Without(ManagedRoutes.FromSpec(Spec(Istio(null, new IstioVirtualService { Name = "web", HttpRoutes = ["api"] }))));

        Assert.Equal(["primary"], Assert.Single(released!.Istio!.VirtualServices).HttpRoutes!);
        Assert.Null(released.Istio.DestinationRule);
    }

    [Fact]
    public void Without_RoutingRemoved_ReleasesEveryVirtualServiceAndTheDestinationRule()
    {
        var before = ManagedRoutes.FromSpec(Spec(Istio(new IstioDestinationRule { Name = "web" }, new IstioVirtualService { Name = "web" })))!;

        var released = before.Without(null);

        Assert.Equal("web", Assert.Single(released!.Istio!.VirtualServices).Name);
        Assert.Equal("web", released.Istio.DestinationRule!.Name);
    }
}
