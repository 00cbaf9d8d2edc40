using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Tests.Parsing;

/// <summary>A trafficRouting block may name several routers; steps are checked against every one of them.</summary>
public sealed class SeveralRoutersTests
{
    private static readonly SetMirrorRoute Shadow = new()
    {
        Name = "beta",
        Match = [new HeaderMatch { HeaderName = "x-shadow", HeaderValue = new StringMatch { Prefix = "yes" } }],
        Percentage = 12.5,
    };

    private static RolloutSpec TwoRouters() => Specs.Canary().Mutate(s =>
        s.Canary().TrafficRouting!.Nginx = new NginxRouting { StableIngress = "demo" });

    private static ParseContext Context(bool gatewayMirrors = true, bool nginxMirrors = false) => Specs.Context() with
    {
        Routers = new Dictionary<string, RouterCapabilities>(StringComparer.Ordinal)
        {
            [ParseContext.GatewayApiRouter] = new(SupportsHeaderRoutes: true, SupportsMirrorRoutes: gatewayMirrors),
            [ParseContext.NginxRouter] = new(SupportsHeaderRoutes: true, SupportsMirrorRoutes: nginxMirrors),
        },
    };

    [Fact]
    public void Parse_TwoRouterBlocks_PlanNamesBoth()
    {
        var result = SpecParser.Parse(TwoRouters(), Context());

        Assert.Empty(result.Errors);
        var canary = (CanaryPlan)result.Plan!.Strategy;
        Assert.Equal(["gatewayAPI", "nginx"], canary.Routers);
        Assert.Equal("gatewayAPI+nginx", canary.Router);
    }

    [Fact]
    public void Parse_MirrorStepWithRouterThatCannotMirror_ErrorNamesThatRouter()
    {
        var spec = TwoRouters().Mutate(s => s.Canary().Steps![4] = new CanaryStep { SetMirrorRoute = Shadow });

        var result = SpecParser.Parse(spec, Context());

        var error = Assert.Single(result.Errors);
        Assert.Equal("spec.strategy.canary.steps[4].setMirrorRoute", error.Path);
        Assert.Equal("traffic router \"nginx\" does not support mirror routes", error.Message);
    }

    [Fact]
    public void Parse_MirrorStep_BuildsPlanWithMatchesAndPercentage()
    {
        var spec = Specs.Canary().Mutate(s => s.Canary().Steps![4] = new CanaryStep { SetMirrorRoute = Shadow });

        var canary = (CanaryPlan)SpecParser.Parse(spec, Context()).Plan!.Strategy;

        var step = Assert.IsType<SetMirrorRouteStepPlan>(canary.Steps[4]);
        Assert.Equal("beta", step.Route.Name);
        Assert.Equal(1250, step.Route.Hundredths);
        Assert.Equal(new HeaderMatchPlan("x-shadow", StringMatchKind.Prefix, "yes"), Assert.Single(step.Route.Matches));
    }

    [Fact]
    public void Parse_MirrorStepWithoutPercentage_MirrorsEverything()
    {
        var spec = Specs.Canary().Mutate(s => s.Canary().Steps![4] = new CanaryStep { SetMirrorRoute = new SetMirrorRoute { Name = "beta" } });

        var canary = (CanaryPlan)SpecParser.Parse(spec, Context()).Plan!.Strategy;

        var step = Assert.IsType<SetMirrorRouteStepPlan>(canary.Steps[4]);
        Assert.Equal(10000, step.Route.Hundredths);
        Assert.Empty(step.Route.Matches);
    }

    [Theory]
    [InlineData(100.5, "must be between 0 and 100, got 100.5")]
    [InlineData(-1, "must be between 0 and 100, got -1")]
    [InlineData(12.345, "at most two decimals, got 12.345")]
    public void Parse_MirrorPercentageOutOfRange_ErrorAtPercentage(double percentage, string message)
    {
        var spec = Specs.Canary().Mutate(s => s.Canary().Steps![4] = new CanaryStep { SetMirrorRoute = new SetMirrorRoute { Name = "beta", Percentage = percentage } });

        var error = Assert.Single(SpecParser.Parse(spec, Context()).Errors);

        Assert.Equal("spec.strategy.canary.steps[4].setMirrorRoute.percentage", error.Path);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Parse_MirrorStepNameNotManaged_ErrorAtName()
    {
        var spec = Specs.Canary().Mutate(s => s.Canary().Steps![4] = new CanaryStep { SetMirrorRoute = new SetMirrorRoute { Name = "other" } });

        var error = Assert.Single(SpecParser.Parse(spec, Context()).Errors);

        Assert.Equal("spec.strategy.canary.steps[4].setMirrorRoute.name", error.Path);
    }

    [Fact]
    public void Parse_HeaderStepWithOneRouterLackingHeaders_ErrorNamesThatRouter()
    {
        var context = Specs.Context() with
        {
            Routers = new Dictionary<string, RouterCapabilities>(StringComparer.Ordinal)
            {
                [ParseContext.GatewayApiRouter] = new(SupportsHeaderRoutes: true),
                [ParseContext.NginxRouter] = new(SupportsHeaderRoutes: false),
            },
        };

        var error = Assert.Single(SpecParser.Parse(TwoRouters(), context).Errors);

        Assert.Equal("traffic router \"nginx\" does not support header routes", error.Message);
    }

    [Fact]
    public void Parse_SameRouteNameForHeaderAndMirror_ErrorAtMirrorStep()
    {
        var spec = Specs.Canary().Mutate(s => s.Canary().Steps![0] = new CanaryStep { SetMirrorRoute = new SetMirrorRoute { Name = "beta" } });

        var error = Assert.Single(SpecParser.Parse(spec, Context()).Errors);

        Assert.Equal("spec.strategy.canary.steps[0].setMirrorRoute.name", error.Path);
    }
}
