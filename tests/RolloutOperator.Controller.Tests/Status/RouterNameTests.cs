using System.Text;
using k8s.Models;
using Prometheus;
using RolloutOperator.Controller.Status;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Tests.Status;

/// <summary>The router's name is spelled in one place: the plan, the metrics and the spec-based helpers agree.</summary>
public sealed class RouterNameTests
{
    private static readonly TrafficRouting Routing = new()
    {
        GatewayApi = new GatewayApiRouting { HttpRoutes = [new RouteRef { Name = "web" }] },
        Istio = new IstioRouting { VirtualServices = [new IstioVirtualService { Name = "web-vs" }] },
    };

    [Fact]
    public void RouterName_TwoRouters_SpecAndPlanSpellItAlike()
    {
        var names = TrafficRouters.Named(Routing).Select(r => r.Name).ToList();

        Assert.Equal("gatewayAPI+istio", TrafficRouters.RouterName(Routing));
        Assert.Equal(CanaryPlan.RouterName(names), TrafficRouters.RouterName(Routing));
        Assert.Null(TrafficRouters.RouterName(null));
        Assert.Null(CanaryPlan.RouterName([]));
    }

    [Fact]
    public async Task RolloutInfo_TwoRouters_RouterLabelIsThePlanSpelling()
    {
        var registry = Metrics.NewCustomRegistry();
        var metrics = new RolloutMetrics(registry);
        var rollout = new Rollout
        {
            Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "apps" },
            Spec = new RolloutSpec { Strategy = new RolloutStrategy { Canary = new CanaryStrategy { TrafficRouting = Routing } } },
        };

        metrics.Observe(rollout, new RolloutStatus());

        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        Assert.Contains("router=\"gatewayAPI+istio\"", Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
    }
}
