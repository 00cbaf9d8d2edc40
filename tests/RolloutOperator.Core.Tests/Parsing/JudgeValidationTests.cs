using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Core.Tests.Parsing;

/// <summary>Every judge rule reports at its field and yields no plan; a valid judge parses with its defaults applied.</summary>
public sealed class JudgeValidationTests
{
    private const string Metric = "spec.strategy.canary.steps[2].analysis.metrics[0]";
    private const string Judge = Metric + ".judge";

    public static TheoryData<string> Cases => [.. All.Keys];

    private static readonly Dictionary<string, (Action<Metric> Break, string Path, string Message)> All = new()
    {
        ["no judged metrics"] = (m => m.Judge!.Metrics = [], $"{Judge}.metrics", "at least one metric"),
        ["marginal above pass"] = (m => m.Judge!.MarginalScore = 96, $"{Judge}.marginalScore", "must not exceed passScore (95)"),
        ["pass above 100"] = (m => m.Judge!.PassScore = 101, $"{Judge}.passScore", "at most 100"),
        ["significance zero"] = (m => m.Judge!.Significance = 0, $"{Judge}.significance", "greater than 0"),
        ["significance NaN"] = (m => m.Judge!.Significance = double.NaN, $"{Judge}.significance", "greater than 0"),
        ["tolerance negative"] = (m => m.Judge!.Metrics[0].Tolerance = -0.1, $"{Judge}.metrics[0].tolerance", "at least 0"),
        ["tolerance infinite"] = (m => m.Judge!.Metrics[0].Tolerance = double.PositiveInfinity, $"{Judge}.metrics[0].tolerance", "finite"),
        ["minSamples too few"] = (m => m.Judge!.Metrics[0].MinSamples = 4, $"{Judge}.metrics[0].minSamples", "at least 5"),
        ["weight zero"] = (m => m.Judge!.Metrics[0].Weight = 0, $"{Judge}.metrics[0].weight", "at least 1"),
        ["judged metric name invalid"] = (m => m.Judge!.Metrics[0].Name = "Not valid!", $"{Judge}.metrics[0].name", "invalid judge metric name"),
        ["judged metric name duplicate"] = (m => m.Judge!.Metrics.Add(LatencyMetric()), $"{Judge}.metrics[1].name", "duplicate judge metric name \"latency\""),
        ["judged query empty"] = (m => m.Judge!.Metrics[0].Query = " ", $"{Judge}.metrics[0].query", "required"),
        ["judged query unknown placeholder"] = (m => m.Judge!.Metrics[0].Query = "up{r=\"{{judge.rev}}\"}", $"{Judge}.metrics[0].query", "unknown placeholder {{judge.rev}}"),
        ["judged query undeclared arg"] = (m => m.Judge!.Metrics[0].Query = "up{r=\"{{args.nope}}\"}", $"{Judge}.metrics[0].query", "no argument \"nope\""),
        ["judge with a condition"] = (m => m.SuccessCondition = "result > 0", Metric, "judged by its score"),
        ["judge with provider query"] = (m => m.Provider.Prometheus!.Query = "up", $"{Metric}.provider.prometheus.query", "remove provider.prometheus.query"),
        ["judge without range"] = (m => m.Provider.Prometheus!.Range = null, $"{Metric}.provider.prometheus.range", "set range.window"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_JudgeRuleBroken_ReportsErrorAtPath(string rule)
    {
        var (change, path, message) = All[rule];
        var metric = JudgeMetric();
        change(metric);

        var result = SpecParser.Parse(Specs.Canary().WithInlineMetrics(metric), Specs.Context());

        Assert.Null(result.Plan);
        Assert.Contains(result.Errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ValidJudge_AppliesDefaults()
    {
        var result = SpecParser.Parse(Specs.Canary().WithInlineMetrics(JudgeMetric()), Specs.Context());

        Assert.Empty(result.Errors);
        var analysis = ((Plans.AnalysisStepPlan)((Plans.CanaryPlan)result.Plan!.Strategy).Steps[2]).Analysis;
        var judge = analysis.Metrics.Single(m => m.Name == "judge").Judge!;
        Assert.Equal(new Plans.JudgePlan(JudgeControl.Stable, 95, 75, 0.05, judge.Metrics), judge);
        Assert.Equal(new Plans.JudgeMetricPlan("latency", LatencyQuery, JudgeDirection.Increase, 0.1, 10, 1), judge.Metrics.Single());
    }

    [Fact]
    public void Parse_MetricWithoutQueryOrJudge_IsStillRejected()
    {
        var metric = Specs.Metric();
        metric.Provider.Prometheus!.Query = null;

        var result = SpecParser.Parse(Specs.Canary().WithInlineMetrics(metric), Specs.Context());

        Assert.Contains(result.Errors, e => e.Path == $"{Metric}.provider.prometheus.query" && e.Message.Contains("required", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TemplateJudgeUsingItsArgs_IsValid()
    {
        var metric = JudgeMetric();
        metric.Judge!.Metrics[0].Query = "avg(latency{service=\"{{args.service}}\", revision=\"{{judge.revision}}\"})";
        var template = new AnalysisTemplateSpec { Args = [new AnalysisArg { Name = "service" }], Metrics = [metric] };

        Assert.Empty(AnalysisTemplateValidator.Validate(template));
    }

    private const string LatencyQuery = "avg(rate(http_request_duration_seconds_sum{service=\"{{args.service}}\", revision=\"{{judge.revision}}\"}[1m]))";

    internal static Metric JudgeMetric() => new()
    {
        Name = "judge",
        Judge = new CanaryJudge { Metrics = [LatencyMetric()] },
        Provider = new MetricProvider { Prometheus = new PrometheusMetric { Range = new PrometheusRange { Window = "10m" } } },
    };

    private static JudgeMetric LatencyMetric() => new() { Name = "latency", Query = LatencyQuery };
}
