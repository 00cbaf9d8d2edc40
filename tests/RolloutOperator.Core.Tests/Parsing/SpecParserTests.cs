using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Tests.Parsing;

public sealed class SpecParserTests
{
    [Fact]
    public void Parse_ValidCanary_BuildsPlanWithDefaults()
    {
        var result = SpecParser.Parse(Specs.Canary(), Specs.Context());

        Assert.Empty(result.Errors);
        var plan = Assert.IsType<RolloutPlan>(result.Plan);
        Assert.Equal(RevisionHash.Compute(Specs.PodTemplate()), plan.Revision);
        Assert.Equal(4, plan.Replicas);
        Assert.Equal("app=demo", plan.Selector);
        Assert.Equal(TimeSpan.FromSeconds(600), plan.ProgressDeadline);
        Assert.False(plan.ProgressDeadlineAbort);
        Assert.False(plan.Paused);
        Assert.Equal(10, plan.RevisionHistoryLimit);
        Assert.Equal(0, plan.RollbackWindowRevisions);

        var canary = Assert.IsType<CanaryPlan>(plan.Strategy);
        Assert.Equal("gatewayAPI", canary.Router);
        Assert.Equal(1, canary.MaxSurge);
        Assert.Equal(0, canary.MaxUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(30), canary.ScaleDownDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), canary.AbortScaleDownDelay);
        Assert.False(canary.DynamicStableScale);
        Assert.Equal(1, canary.BackgroundStartingStep);
    }

    [Fact]
    public void Parse_IstioRouting_SelectsTheIstioRouterWithHeaderRoutes()
    {
        var spec = Specs.Canary().Mutate(s => s.Canary().TrafficRouting = new TrafficRouting
        {
            Istio = new IstioRouting
            {
                VirtualServices = [new IstioVirtualService { Name = "web", HttpRoutes = ["primary"] }, new IstioVirtualService { Name = "web-mesh" }],
                DestinationRule = new IstioDestinationRule { Name = "web" },
            },
            ManagedRoutes = [new ManagedRoute { Name = "beta" }],
        });

        var result = SpecParser.Parse(spec, Specs.Context());

        Assert.Empty(result.Errors);
        Assert.Equal("istio", Assert.IsType<CanaryPlan>(result.Plan!.Strategy).Router);
    }

    [Fact]
    public void Parse_ValidCanary_MapsEveryStepKind()
    {
        var canary = (CanaryPlan)SpecParser.Parse(Specs.Canary(), Specs.Context()).Plan!.Strategy;

        Assert.Collection(
            canary.Steps,
            step => Assert.Equal(new SetWeightStepPlan(20), step),
            step => Assert.Equal(new PauseStepPlan(TimeSpan.FromSeconds(30)), step),
            step => Assert.Equal("success-rate", Assert.Single(Assert.IsType<AnalysisStepPlan>(step).Analysis.Metrics).Name),
            step => Assert.Equal(new SetCanaryScaleStepPlan(null, 50), step),
            step =>
            {
                var route = Assert.IsType<SetHeaderRouteStepPlan>(step).Route;
                Assert.Equal("beta", route.Name);
                Assert.Equal(new HeaderMatchPlan("x-beta", StringMatchKind.Exact, "1"), Assert.Single(route.Matches));
            },
            step => Assert.Equal(new PauseStepPlan(null), step));
    }

    [Fact]
    public void Parse_GatingMetric_AppliesMetricDefaults()
    {
        var canary = (CanaryPlan)SpecParser.Parse(Specs.Canary(), Specs.Context()).Plan!.Strategy;

        var metric = ((AnalysisStepPlan)canary.Steps[2]).Analysis.Metrics[0];
        Assert.Equal(TimeSpan.FromMinutes(1), metric.Interval);
        Assert.Equal(1, metric.Count);
        Assert.Equal(TimeSpan.Zero, metric.InitialDelay);
        Assert.Equal(0, metric.FailureLimit);
        Assert.Equal(0, metric.InconclusiveLimit);
        Assert.Equal(4, metric.ConsecutiveErrorLimit);
        Assert.Equal(NoDataPolicy.Retry, metric.NoData);
        Assert.Equal(0.99, metric.Range?.Min);
        Assert.Equal("30s", metric.Prometheus!.Timeout);
        Assert.Equal(Specs.SuccessRateQuery, metric.Prometheus!.Query);
    }

    [Fact]
    public void Parse_BackgroundMetricWithoutCount_KeepsCountNull()
    {
        var canary = (CanaryPlan)SpecParser.Parse(Specs.Canary(), Specs.Context()).Plan!.Strategy;

        var background = Assert.IsType<AnalysisPlan>(canary.Background);
        Assert.Null(Assert.Single(background.Metrics).Count);
    }

    [Fact]
    public void Parse_ValidBlueGreen_BuildsPlanWithDefaults()
    {
        var result = SpecParser.Parse(Specs.BlueGreen(), Specs.Context());

        Assert.Empty(result.Errors);
        var blueGreen = Assert.IsType<BlueGreenPlan>(result.Plan!.Strategy);
        Assert.True(blueGreen.AutoPromotion);
        Assert.Equal(TimeSpan.Zero, blueGreen.AutoPromotionDelay);
        Assert.Null(blueGreen.PreviewReplicas);
        Assert.True(blueGreen.HasPreviewService);
        Assert.Equal(TimeSpan.FromSeconds(30), blueGreen.ScaleDownDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), blueGreen.AbortScaleDownDelay);
        Assert.Equal(1, Assert.Single(Assert.IsType<AnalysisPlan>(blueGreen.PrePromotion).Metrics).Count);
        Assert.Null(blueGreen.PostPromotion);
    }

    [Fact]
    public void Parse_MinimalSpec_AppliesTopLevelDefaults()
    {
        var spec = new RolloutSpec
        {
            Selector = new LabelSelector { MatchLabels = new() { ["app"] = "demo" } },
            Template = Specs.PodTemplate(),
            Strategy = new RolloutStrategy { Canary = new CanaryStrategy() },
        };

        var plan = SpecParser.Parse(spec, Specs.Context()).Plan!;

        Assert.Equal(1, plan.Replicas);
        var canary = Assert.IsType<CanaryPlan>(plan.Strategy);
        Assert.Empty(canary.Steps);
        Assert.Null(canary.Router);
        Assert.Null(canary.Background);
        Assert.Equal(0, canary.BackgroundStartingStep);
        Assert.Equal((1, 0), (canary.MaxSurge, canary.MaxUnavailable));
    }

    [Theory]
    [InlineData(10, "25%", "0", 3, 0)]
    [InlineData(10, "0", "25%", 0, 2)]
    [InlineData(10, "3", "1", 3, 1)]
    [InlineData(4, "10%", "10%", 1, 0)]
    [InlineData(0, "25%", "0", 0, 1)]
    public void Parse_SurgeAndUnavailable_ResolveAgainstReplicas(int replicas, string surge, string unavailable, int expectedSurge, int expectedUnavailable)
    {
        var spec = Specs.Canary().Mutate(s =>
        {
            s.Replicas = replicas;
            s.Canary().MaxSurge = new IntOrString(surge);
            s.Canary().MaxUnavailable = new IntOrString(unavailable);
        });

        var canary = (CanaryPlan)SpecParser.Parse(spec, Specs.Context()).Plan!.Strategy;

        Assert.Equal((expectedSurge, expectedUnavailable), (canary.MaxSurge, canary.MaxUnavailable));
    }

    [Fact]
    public void Parse_WorkloadRef_UsesDeploymentTemplateAndItsLabels()
    {
        var workload = Specs.PodTemplate("demo:2");
        var spec = Specs.Canary().Mutate(s =>
        {
            s.Template = null;
            s.Selector = null;
            s.WorkloadRef = new WorkloadRef { Name = "demo" };
        });

        var plan = SpecParser.Parse(spec, Specs.Context(workload)).Plan!;

        Assert.Equal(RevisionHash.Compute(workload), plan.Revision);
        Assert.Equal("app=demo,tier=web", plan.Selector);
    }

    [Fact]
    public void Parse_RouterPlugin_UsesPluginNameAsRouter()
    {
        var context = Specs.Context() with
        {
            Routers = new Dictionary<string, RouterCapabilities> { ["istio"] = new(SupportsHeaderRoutes: true) },
        };
        var spec = Specs.Canary().Mutate(s => s.Canary().TrafficRouting!.GatewayApi = null)
            .Mutate(s => s.Canary().TrafficRouting!.Plugin = new RouterPlugin { Name = "istio", Config = new JsonObject { ["vs"] = "demo" } });

        var canary = (CanaryPlan)SpecParser.Parse(spec, context).Plan!.Strategy;

        Assert.Equal("istio", canary.Router);
    }

    [Fact]
    public void Parse_InvalidSpec_ReportsEveryErrorAndNoPlan()
    {
        var spec = Specs.Canary().Mutate(s =>
        {
            s.Replicas = -1;
            s.Canary().Steps![0].SetWeight = 120;
            s.Canary().Steps![1].Pause!.Duration = "soon";
            s.StepAnalysis().Templates![0].TemplateName = "missing";
            s.Canary().CanaryService = null;
        });

        var result = SpecParser.Parse(spec, Specs.Context());

        Assert.Null(result.Plan);
        Assert.False(result.IsValid);
        Assert.Equal(
            new[]
            {
                "spec.replicas",
                "spec.strategy.canary.canaryService",
                "spec.strategy.canary.steps[0].setWeight",
                "spec.strategy.canary.steps[1].pause.duration",
                "spec.strategy.canary.steps[2].analysis.templates[0].templateName",
            },
            result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("no router block")]
    [InlineData("plugin without name")]
    public void Parse_BrokenRouterBlock_DoesNotAlsoBlameHeaderRouteStep(string breakage)
    {
        var spec = Specs.Canary().Mutate(s => s.Canary().TrafficRouting!.GatewayApi = null);
        if (breakage == "plugin without name")
        {
            spec.Canary().TrafficRouting!.Plugin = new RouterPlugin();
        }

        var error = Assert.Single(SpecParser.Parse(spec, Specs.Context()).Errors);

        Assert.StartsWith("spec.strategy.canary.trafficRouting", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SharedSpec_DoesNotMutateIt()
    {
        var spec = Specs.Canary();
        var before = ApiJson.Serialize(spec);

        SpecParser.Parse(spec, Specs.Context());

        Assert.Equal(before, ApiJson.Serialize(spec));
    }
}
