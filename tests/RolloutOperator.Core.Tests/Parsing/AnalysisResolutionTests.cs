using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Tests.Parsing;

public sealed class AnalysisResolutionTests
{
    [Theory]
    [InlineData("namespaced", false, "ns-metric")]
    [InlineData("cluster", true, "cluster-metric")]
    public void Parse_SameNameInBothScopes_ResolvesByClusterScope(string scope, bool clusterScope, string expectedMetric)
    {
        var context = ParseContext.Offline(
        [
            ("shared", false, Template(Specs.Metric("ns-metric"))),
            ("shared", true, Template(Specs.Metric("cluster-metric"))),
        ]);
        var spec = Specs.Canary().Mutate(s => s.StepAnalysis().Templates = [Specs.Ref("shared", clusterScope)]);
        spec.Canary().Analysis = null;

        var analysis = StepAnalysis(SpecParser.Parse(spec, context));

        Assert.True(analysis.Metrics.Count == 1, scope);
        Assert.Equal(expectedMetric, analysis.Metrics[0].Name);
    }

    [Fact]
    public void Parse_RolloutArg_OverridesTemplateDefault()
    {
        var spec = Specs.Canary().Mutate(s => s.StepAnalysis().Args!.Add(Specs.Arg("window", "5m")));

        var args = StepAnalysis(SpecParser.Parse(spec, Specs.Context())).Args;

        Assert.Contains(new ArgumentPlan("window", "5m", null, null), args);
        Assert.Contains(new ArgumentPlan("service", "demo-canary", null, null), args);
    }

    [Fact]
    public void Parse_TemplateDefaultNotOverridden_KeepsDefault()
    {
        var args = StepAnalysis(SpecParser.Parse(Specs.Canary(), Specs.Context())).Args;

        Assert.Contains(new ArgumentPlan("window", "1m", null, null), args);
    }

    [Fact]
    public void Parse_ArgSources_CarrySecretAndFieldPath()
    {
        var secret = new SecretKeyRef { Name = "prometheus", Key = "token" };
        var template = Template(Specs.Metric(query: "up{a=\"{{args.token}}\",b=\"{{args.team}}\",c=\"{{args.service}}\"}"));
        template.Args =
        [
            new AnalysisArg { Name = "token", ValueFrom = new ArgSource { SecretKeyRef = secret } },
            new AnalysisArg { Name = "team", ValueFrom = new ArgSource { FieldRef = new FieldRef { FieldPath = "metadata.labels['team']" } } },
            new AnalysisArg { Name = "service" },
        ];
        var spec = Specs.Canary().Mutate(s => s.StepAnalysis().Args![0] = new AnalysisArgValue
        {
            Name = "service",
            ValueFrom = new RolloutArgSource { FieldRef = new FieldRef { FieldPath = "metadata.name" } },
        });

        var args = StepAnalysis(SpecParser.Parse(spec, ContextWith(template))).Args;

        Assert.Equal(
            [new ArgumentPlan("token", null, secret, null), new ArgumentPlan("team", null, null, "metadata.labels['team']"), new ArgumentPlan("service", null, null, "metadata.name")],
            args);
    }

    [Fact]
    public void Parse_InlineMetricUsingRolloutArg_AcceptsArg()
    {
        var spec = Specs.Canary().WithInlineMetrics(Specs.Metric("inline"));

        var analysis = StepAnalysis(SpecParser.Parse(spec, Specs.Context()));

        Assert.Equal("inline", Assert.Single(analysis.Metrics).Name);
        Assert.Equal(new ArgumentPlan("service", "demo-canary", null, null), Assert.Single(analysis.Args));
    }

    [Fact]
    public void Parse_TemplateAndInlineMetrics_MergesTemplateMetricsFirst()
    {
        var spec = Specs.Canary().Mutate(s => s.StepAnalysis().Metrics = [Specs.Metric("inline")]);

        var analysis = StepAnalysis(SpecParser.Parse(spec, Specs.Context()));

        Assert.Equal(["success-rate", "inline"], analysis.Metrics.Select(m => m.Name));
    }

    [Theory]
    [InlineData("step analysis explicit count", 5, 5)]
    [InlineData("step analysis default count", null, 1)]
    public void Parse_GatingMetricCount_DefaultsToOne(string name, int? count, int expected)
    {
        var metric = Specs.Metric("gate");
        metric.Count = count;
        var spec = Specs.Canary().WithInlineMetrics(metric);

        var analysis = StepAnalysis(SpecParser.Parse(spec, Specs.Context()));

        Assert.True(analysis.Metrics[0].Count == expected, name);
    }

    [Fact]
    public void Parse_TwoMissingArgsAndUnknownArg_ReportsAll()
    {
        var template = Template(Specs.Metric(query: "{{args.a}}{{args.b}}"));
        template.Args = [new AnalysisArg { Name = "a" }, new AnalysisArg { Name = "b" }];
        var spec = Specs.Canary().Mutate(s => s.StepAnalysis().Args = [Specs.Arg("c", "1")]);

        var errors = SpecParser.Parse(spec, ContextWith(template)).Errors;

        const string at = "spec.strategy.canary.steps[2].analysis.args";
        Assert.Contains(errors, e => e.Path == at && e.Message.Contains("\"a\" of AnalysisTemplate \"success-rate\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == at && e.Message.Contains("\"b\" of AnalysisTemplate \"success-rate\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == $"{at}[0].name" && e.Message.Contains("unknown argument \"c\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MissingTemplate_DoesNotCallItsArgsUnknown()
    {
        var spec = Specs.Canary().Mutate(s => s.StepAnalysis().Templates![0].TemplateName = "gone");

        var errors = SpecParser.Parse(spec, Specs.Context()).Errors;

        Assert.Equal("spec.strategy.canary.steps[2].analysis.templates[0].templateName", Assert.Single(errors).Path);
    }

    [Theory]
    [InlineData("same default", "1m", null)]
    [InlineData("different defaults", "5m", "spec.strategy.canary.steps[2].analysis.templates[1].templateName")]
    public void Parse_ArgDeclaredByTwoTemplates_DefaultsMustAgree(string name, string secondDefault, string? errorPath)
    {
        var second = Template(Specs.Metric("second"));
        second.Args!.Add(new AnalysisArg { Name = "window", Value = secondDefault });
        var context = ParseContext.Offline(
            [("success-rate", false, Specs.SuccessRateTemplate()), ("second", false, second), ("error-rate", true, Specs.ErrorRateTemplate())]);
        var spec = Specs.Canary().Mutate(s => s.StepAnalysis().Templates!.Add(Specs.Ref("second")));

        var errors = SpecParser.Parse(spec, context).Errors;

        Assert.True(errors.Select(e => e.Path).SequenceEqual(errorPath is null ? [] : [errorPath]), $"{name}: {string.Join(" | ", errors)}");
    }

    [Theory]
    [InlineData("value and valueFrom")]
    [InlineData("neither value nor valueFrom")]
    public void Parse_MalformedRolloutArg_DoesNotAlsoReportItMissing(string malformation)
    {
        var spec = Specs.Canary().Mutate(s => s.StepAnalysis().Args![0].Value = malformation == "value and valueFrom" ? "x" : null)
            .Mutate(s => s.StepAnalysis().Args![0].ValueFrom = malformation == "value and valueFrom" ? new RolloutArgSource { FieldRef = new FieldRef { FieldPath = "metadata.name" } } : null);

        var errors = SpecParser.Parse(spec, Specs.Context()).Errors;

        Assert.Equal("spec.strategy.canary.steps[2].analysis.args[0]", Assert.Single(errors).Path);
    }

    private static AnalysisTemplateSpec Template(params Metric[] metrics) => new() { Args = [new AnalysisArg { Name = "service" }], Metrics = [.. metrics] };

    private static ParseContext ContextWith(AnalysisTemplateSpec successRate) =>
        ParseContext.Offline([("success-rate", false, successRate), ("error-rate", true, Specs.ErrorRateTemplate())]);

    private static AnalysisPlan StepAnalysis(ParseResult result)
    {
        Assert.Empty(result.Errors);
        var canary = Assert.IsType<CanaryPlan>(result.Plan!.Strategy);
        return Assert.IsType<AnalysisStepPlan>(canary.Steps[2]).Analysis;
    }
}
