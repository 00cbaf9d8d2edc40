using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Tests.Parsing;

public sealed class SloParsingTests
{
    private const string Metric = "spec.strategy.canary.steps[2].analysis.metrics[0]";
    private const string Bad = "sum(rate(http_requests_total{service=\"{{args.service}}\",revision=\"{{slo.revision}}\",code=~\"5..\"}[{{slo.window}}]))";
    private const string Total = "sum(rate(http_requests_total{service=\"{{args.service}}\",revision=\"{{slo.revision}}\"}[{{slo.window}}]))";

    private static Metric SloMetric(Action<ServiceLevelObjective>? change = null, string interval = "30s", int? count = 10)
    {
        var slo = new ServiceLevelObjective { Objective = 99.9, Bad = Bad, Total = Total };
        change?.Invoke(slo);
        return new Metric
        {
            Name = "availability",
            Interval = interval,
            Count = count,
            Slo = slo,
            Provider = new MetricProvider { Prometheus = new PrometheusMetric() },
        };
    }

    private static ParseResult Parse(Metric metric) => SpecParser.Parse(Specs.Canary().WithInlineMetrics(metric), Specs.Context());

    private static MetricPlan Plan(Metric metric)
    {
        var result = Parse(metric);
        Assert.True(result.Plan is not null, string.Join(" | ", result.Errors));
        var step = ((CanaryPlan)result.Plan!.Strategy).Steps.OfType<AnalysisStepPlan>().Single();
        return step.Analysis.Metrics.Single(m => m.Name == "availability");
    }

    [Fact]
    public void Slo_WindowsNotGiven_AreScaledToTheAnalysis()
    {
        var slo = Plan(SloMetric()).Slo!;

        // interval 30s × count 10 = 5m; 5m / 12 = 25s is below the interval, so the short window is the interval.
        Assert.Equal(TimeSpan.FromMinutes(5), slo.LongWindow);
        Assert.Equal(TimeSpan.FromSeconds(30), slo.ShortWindow);
        Assert.Equal(6, slo.Threshold);
        Assert.Equal(StableBurnPolicy.Hold, slo.StableBurning);
        Assert.Equal(TimeSpan.FromHours(720), slo.Period);
        Assert.Equal(0.001, slo.ErrorBudget, 12);
    }

    [Fact]
    public void Slo_LongAnalysis_ShortWindowIsATwelfth()
    {
        var slo = Plan(SloMetric(interval: "1m", count: 60)).Slo!;

        Assert.Equal(TimeSpan.FromHours(1), slo.LongWindow);
        Assert.Equal(TimeSpan.FromMinutes(5), slo.ShortWindow);
    }

    [Fact]
    public void Slo_BackgroundWithoutCount_LongWindowIsTwelveIntervals()
    {
        var spec = Specs.Canary();
        spec.Canary().Analysis = new BackgroundAnalysis { Metrics = [SloMetric(count: null)], Args = [Specs.Arg("service", "web")] };
        var result = SpecParser.Parse(spec, Specs.Context());

        Assert.True(result.Plan is not null, string.Join(" | ", result.Errors));
        var slo = ((CanaryPlan)result.Plan!.Strategy).Background!.Metrics.Single().Slo!;
        Assert.Equal(TimeSpan.FromMinutes(6), slo.LongWindow);
    }

    public static TheoryData<string, string, string> Broken => new()
    {
        { "objective100", $"{Metric}.slo.objective", "above 0 and below 100" },
        { "goodAndBad", $"{Metric}.slo", "exactly one of good or bad" },
        { "noRevision", $"{Metric}.slo.total", "{{slo.revision}}" },
        { "threshold0", $"{Metric}.slo.burnRateThreshold", "greater than 0" },
        { "shortAboveLong", $"{Metric}.slo.shortWindow", "must not exceed the long window" },
        { "queryToo", $"{Metric}.provider.prometheus.query", "must be unset" },
        { "conditionToo", $"{Metric}.slo", "remove successCondition" },
        { "unknownPlaceholder", $"{Metric}.slo.bad", "unknown placeholder {{slo.revison}}" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Slo_Invalid_ReportsErrorAtPath(string defect, string path, string message)
    {
        var metric = defect switch
        {
            "objective100" => SloMetric(s => s.Objective = 100),
            "goodAndBad" => SloMetric(s => s.Good = Total),
            "noRevision" => SloMetric(s => s.Total = "sum(rate(http_requests_total[{{slo.window}}]))"),
            "threshold0" => SloMetric(s => s.BurnRateThreshold = 0),
            "shortAboveLong" => SloMetric(s => (s.LongWindow, s.ShortWindow) = ("1m", "2m")),
            "queryToo" => WithQuery(SloMetric()),
            "conditionToo" => WithCondition(SloMetric()),
            _ => SloMetric(s => s.Bad = Bad.Replace("slo.revision", "slo.revison", StringComparison.Ordinal)),
        };

        var result = Parse(metric);

        Assert.Null(result.Plan);
        Assert.Contains(result.Errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void SloPlaceholders_OutsideAnSlo_AreUnknown()
    {
        var result = Parse(Specs.Metric(query: "up{revision=\"{{slo.revision}}\"}"));

        Assert.Contains(result.Errors, e => e.Path == $"{Metric}.provider.prometheus.query" && e.Message.Contains("unknown placeholder {{slo.revision}}", StringComparison.Ordinal));
    }

    [Fact]
    public void ErrorBudgetPolicy_RevisionPlaceholder_IsRejected_ServiceWideQueriesParse()
    {
        var spec = Specs.Canary();
        spec.ErrorBudgetPolicy = new ErrorBudgetPolicy
        {
            Objective = 99.5,
            Good = "sum(rate(http_requests_total{code!~\"5..\",namespace=\"{{rollout.namespace}}\"}[{{slo.window}}]))",
            Total = "sum(rate(http_requests_total{namespace=\"{{rollout.namespace}}\"}[{{slo.window}}]))",
            Provider = new MetricProvider { Prometheus = new PrometheusMetric() },
        };
        var plan = SpecParser.Parse(spec, Specs.Context()).Plan!.ErrorBudget!;
        Assert.Equal(TimeSpan.FromHours(720), plan.Period);
        Assert.Equal(10, plan.MinRemainingPercent);
        Assert.Equal(TimeSpan.FromMinutes(5), plan.Interval);

        spec.ErrorBudgetPolicy.Total = Total;
        var errors = SpecParser.Parse(spec, Specs.Context()).Errors;
        Assert.Contains(errors, e => e.Path == "spec.errorBudgetPolicy.total" && e.Message.Contains("unknown placeholder {{slo.revision}}", StringComparison.Ordinal));
    }

    [Fact]
    public void ErrorBudgetPolicy_ProviderQuery_IsRejectedAtItsPath()
    {
        var spec = Specs.Canary();
        spec.ErrorBudgetPolicy = new ErrorBudgetPolicy
        {
            Objective = 99.5,
            Good = "sum(rate(http_requests_total{code!~\"5..\"}[{{slo.window}}]))",
            Total = "sum(rate(http_requests_total[{{slo.window}}]))",
            Provider = new MetricProvider { Prometheus = new PrometheusMetric { Query = "up" } },
        };

        var result = SpecParser.Parse(spec, Specs.Context());

        Assert.Null(result.Plan);
        Assert.Contains(result.Errors, e => e.Path == "spec.errorBudgetPolicy.provider.prometheus.query" && e.Message.Contains("must be unset", StringComparison.Ordinal));
    }

    private static Metric WithQuery(Metric metric)
    {
        metric.Provider.Prometheus!.Query = "up";
        return metric;
    }

    private static Metric WithCondition(Metric metric)
    {
        metric.SuccessCondition = "result > 0";
        return metric;
    }

    [Fact]
    public void Slo_AlsoAJudge_IsRefusedAtTheSloField()
    {
        var metric = SloMetric();
        metric.Provider.Prometheus!.Range = new PrometheusRange { Window = "5m" };
        metric.Judge = new CanaryJudge { Metrics = [new JudgeMetric { Name = "latency", Query = "rate(x{revision=\"{{judge.revision}}\"}[1m])" }] };

        var result = Parse(metric);

        Assert.Null(result.Plan);
        Assert.Contains(result.Errors, e => e.Path == $"{Metric}.slo" && e.Message.Contains("either a judge or an slo", StringComparison.Ordinal));
    }
}
