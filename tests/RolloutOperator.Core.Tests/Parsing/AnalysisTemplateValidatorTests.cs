using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Core.Tests.Parsing;

public sealed class AnalysisTemplateValidatorTests
{
    private static readonly Dictionary<string, (Action<AnalysisTemplateSpec> Break, string Path)> Cases = new()
    {
        ["no metrics"] = (t => t.Metrics = [], "spec.metrics"),
        ["duplicate metric name"] = (t => t.Metrics.Add(Specs.Metric()), "spec.metrics[1].name"),
        ["duplicate arg name"] = (t => t.Args!.Add(new AnalysisArg { Name = "service" }), "spec.args[2].name"),
        ["arg name empty"] = (t => t.Args![0].Name = "", "spec.args[0].name"),
        ["arg value and valueFrom"] = (t => t.Args![1].ValueFrom = FieldSource("metadata.name"), "spec.args[1]"),
        ["arg valueFrom with two sources"] = (t => t.Args![0].ValueFrom = TwoSources(), "spec.args[0].valueFrom"),
        ["arg valueFrom secret without key"] = (t => t.Args![0].ValueFrom = new ArgSource { SecretKeyRef = new SecretKeyRef { Name = "s" } }, "spec.args[0].valueFrom.secretKeyRef"),
        ["query uses undeclared arg"] = (t => t.Metrics[0].Provider.Prometheus!.Query = "up{job=\"{{args.job}}\"}", "spec.metrics[0].provider.prometheus.query"),
        ["query uses unknown built-in"] = (t => t.Metrics[0].Provider.Prometheus!.Query = "up{ns=\"{{ rollout.ns }}\"}", "spec.metrics[0].provider.prometheus.query"),
        ["metric without judgement"] = (t => t.Metrics[0].ThresholdRange = null, "spec.metrics[0]"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Fact]
    public void Validate_ValidTemplate_NoErrors()
    {
        Assert.Empty(AnalysisTemplateValidator.Validate(Specs.SuccessRateTemplate()));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Validate_RuleBroken_ReportsErrorAtPath(string rule)
    {
        var (breakIt, path) = Cases[rule];
        var template = Specs.SuccessRateTemplate();
        breakIt(template);

        var errors = AnalysisTemplateValidator.Validate(template);

        Assert.Contains(errors, e => e.Path == path);
    }

    [Fact]
    public void Validate_PathPrefix_PrefixesEveryPath()
    {
        var template = Specs.SuccessRateTemplate();
        template.Metrics[0].Interval = "often";

        var error = Assert.Single(AnalysisTemplateValidator.Validate(template, "items[3].spec"));

        Assert.Equal("items[3].spec.metrics[0].interval", error.Path);
    }

    private static ArgSource FieldSource(string path) => new() { FieldRef = new FieldRef { FieldPath = path } };

    private static ArgSource TwoSources() => new()
    {
        FieldRef = new FieldRef { FieldPath = "metadata.name" },
        SecretKeyRef = new SecretKeyRef { Name = "s", Key = "k" },
    };
}
