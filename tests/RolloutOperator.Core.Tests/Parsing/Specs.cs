using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Core.Tests.Parsing;

/// <summary>Valid specs to start from; each call builds fresh objects, so a test may mutate what it gets.</summary>
internal static class Specs
{
    public const string SuccessRateQuery = "sum(rate(http_requests_total{service=\"{{args.service}}\",revision=\"{{revision.canary}}\"}[1m]))";

    public static JsonObject PodTemplate(string image = "demo:1") => new()
    {
        ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = "demo", ["tier"] = "web" } },
        ["spec"] = new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = image }),
        },
    };

    public static Metric Metric(string name = "success-rate", string query = SuccessRateQuery) => new()
    {
        Name = name,
        ThresholdRange = new ThresholdRange { Min = 0.99 },
        Provider = new MetricProvider { Prometheus = new PrometheusMetric { Query = query } },
    };

    public static AnalysisTemplateSpec SuccessRateTemplate() => new()
    {
        Args = [new AnalysisArg { Name = "service" }, new AnalysisArg { Name = "window", Value = "1m" }],
        Metrics = [Metric()],
    };

    public static AnalysisTemplateSpec ErrorRateTemplate() => new()
    {
        Args = [new AnalysisArg { Name = "service" }],
        Metrics = [Metric("error-rate")],
    };

    public static ParseContext Context(JsonObject? workloadTemplate = null) => ParseContext.Offline(
        [("success-rate", false, SuccessRateTemplate()), ("error-rate", true, ErrorRateTemplate())],
        workloadTemplate);

    public static AnalysisArgValue Arg(string name, string value) => new() { Name = name, Value = value };

    public static AnalysisTemplateRef Ref(string name, bool? clusterScope = null) => new() { TemplateName = name, ClusterScope = clusterScope };

    /// <summary>Steps: 0 setWeight 20, 1 pause 30s, 2 analysis, 3 setCanaryScale, 4 setHeaderRoute, 5 pause until promoted.</summary>
    public static RolloutSpec Canary() => new()
    {
        Replicas = 4,
        Selector = new LabelSelector { MatchLabels = new() { ["app"] = "demo" } },
        Template = PodTemplate(),
        Strategy = new RolloutStrategy { Canary = CanaryStrategy() },
    };

    public static RolloutSpec BlueGreen() => new()
    {
        Replicas = 3,
        Selector = new LabelSelector { MatchLabels = new() { ["app"] = "demo" } },
        Template = PodTemplate(),
        Strategy = new RolloutStrategy
        {
            BlueGreen = new BlueGreenStrategy
            {
                ActiveService = "demo-active",
                PreviewService = "demo-preview",
                PrePromotionAnalysis = new RolloutAnalysis { Templates = [Ref("success-rate")], Args = [Arg("service", "demo-preview")] },
            },
        },
    };

    public static CanaryStrategy Canary(this RolloutSpec spec) => spec.Strategy.Canary!;

    public static RolloutAnalysis StepAnalysis(this RolloutSpec spec) => spec.Canary().Steps![2].Analysis!;

    /// <summary>Replaces the analysis step with one of inline metrics only.</summary>
    public static RolloutSpec WithInlineMetrics(this RolloutSpec spec, params Metric[] metrics)
    {
        spec.Canary().Steps![2] = new CanaryStep
        {
            Analysis = new RolloutAnalysis { Metrics = [.. metrics], Args = [Arg("service", "demo-canary")] },
        };
        return spec;
    }

    public static RolloutSpec Mutate(this RolloutSpec spec, Action<RolloutSpec> change)
    {
        change(spec);
        return spec;
    }

    private static CanaryStrategy CanaryStrategy() => new()
    {
        StableService = "demo-stable",
        CanaryService = "demo-canary",
        TrafficRouting = new TrafficRouting
        {
            GatewayApi = new GatewayApiRouting { HttpRoutes = [new RouteRef { Name = "demo" }] },
            ManagedRoutes = [new ManagedRoute { Name = "beta" }],
        },
        Steps =
        [
            new CanaryStep { SetWeight = 20 },
            new CanaryStep { Pause = new PauseStep { Duration = "30s" } },
            new CanaryStep { Analysis = new RolloutAnalysis { Templates = [Ref("success-rate")], Args = [Arg("service", "demo-canary")] } },
            new CanaryStep { SetCanaryScale = new SetCanaryScale { Weight = 50 } },
            new CanaryStep
            {
                SetHeaderRoute = new SetHeaderRoute
                {
                    Name = "beta",
                    Match = [new HeaderMatch { HeaderName = "x-beta", HeaderValue = new StringMatch { Exact = "1" } }],
                },
            },
            new CanaryStep { Pause = new PauseStep() },
        ],
        Analysis = new BackgroundAnalysis
        {
            StartingStep = 1,
            Templates = [Ref("error-rate", clusterScope: true)],
            Args = [Arg("service", "demo-canary")],
        },
    };
}
