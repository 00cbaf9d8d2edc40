using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Tests.Parsing;

/// <summary>The web and job providers: every rule an error at its field, and valid metrics planned with their bounds.</summary>
public sealed class ProviderParsingTests
{
    public static TheoryData<string> Cases => [.. ProviderValidationCases.All.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_ProviderRuleBroken_ReportsErrorAtPath(string rule)
    {
        var broken = ProviderValidationCases.All[rule];

        var result = SpecParser.Parse(broken.Build(), broken.Context?.Invoke() ?? Specs.Context());

        Assert.Null(result.Plan);
        var atPath = result.Errors.Where(e => e.Path == broken.Path).ToList();
        Assert.True(atPath.Count > 0, $"no error at {broken.Path}; got: {string.Join(" | ", result.Errors)}");
        Assert.Contains(atPath, e => e.Message.Contains(broken.Message!, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WebMetric_PlansUrlPathHeadersAndDefaults()
    {
        var metric = ProviderSpecs.Web(w => w.Headers = [new OutboundHeader { Name = "Authorization", SecretKeyRef = new SecretKeyRef { Name = "checks", Key = "token" } }]);

        var plan = Single(metric);

        Assert.Null(plan.Prometheus);
        Assert.Null(plan.Job);
        var web = Assert.IsType<WebMetricPlan>(plan.Web);
        Assert.Equal("https://checks.example/api/ratio?service={{args.service}}", web.Url);
        Assert.Equal(WebMethod.GET, web.Method);
        Assert.Equal(TimeSpan.FromSeconds(10), web.Timeout);
        Assert.Equal("$.data.ratio", web.JsonPath.Text);
        Assert.Equal("checks", Assert.Single(web.Headers).SecretKeyRef!.Name);
    }

    [Fact]
    public void Parse_WebUrlOnAllowedHost_IsPlanned()
    {
        Assert.True(HostAllowList.TryParse("checks.example", out var hosts, out _));
        var context = ParseContext.Offline([("success-rate", false, Specs.SuccessRateTemplate()), ("error-rate", true, Specs.ErrorRateTemplate())], policy: ProviderPolicy.Default with { OutboundHosts = hosts });

        var result = SpecParser.Parse(Specs.Canary().WithInlineMetrics(ProviderSpecs.Web()), context);

        Assert.True(result.Plan is not null, string.Join(" | ", result.Errors));
    }

    [Fact]
    public void Parse_JobMetricWithoutBounds_GetsDeadlineBackoffRestartPolicyAndSuccessCondition()
    {
        var metric = ProviderSpecs.Job();

        var plan = Single(metric);

        var job = Assert.IsType<JobMetricPlan>(plan.Job);
        Assert.Null(plan.Prometheus);
        Assert.Equal(600, job.ActiveDeadlineSeconds);
        Assert.Equal(0, job.BackoffLimit);
        Assert.Equal(600, job.Spec["activeDeadlineSeconds"]!.GetValue<long>());
        Assert.Equal(0, job.Spec["backoffLimit"]!.GetValue<int>());
        Assert.Equal("Never", job.Spec["template"]!["spec"]!["restartPolicy"]!.GetValue<string>());
        Assert.Equal("smoke-tests", job.Spec["template"]!["spec"]!["serviceAccountName"]!.GetValue<string>());
        Assert.Equal("result == 1", plan.SuccessCondition!.Text);
        Assert.Null(metric.Provider.Job!.Spec!["activeDeadlineSeconds"]);
    }

    [Fact]
    public void Parse_JobMetricWithOwnBounds_KeepsThem()
    {
        var metric = ProviderSpecs.Job(s => (s["activeDeadlineSeconds"], s["backoffLimit"]) = (JsonValue.Create(120), JsonValue.Create(2)));

        var job = Single(metric).Job!;

        Assert.Equal((120L, 2), (job.ActiveDeadlineSeconds, job.BackoffLimit));
    }

    private static MetricPlan Single(Metric metric)
    {
        var spec = Specs.Canary().WithInlineMetrics(metric);
        if (metric.Provider.Job is not null)
        {
            spec.StepAnalysis().Args = null;
        }

        var result = SpecParser.Parse(spec, Specs.Context());
        Assert.True(result.Plan is not null, string.Join(" | ", result.Errors));
        var step = Assert.IsType<AnalysisStepPlan>(((CanaryPlan)result.Plan!.Strategy).Steps[2]);
        return Assert.Single(step.Analysis.Metrics);
    }
}
