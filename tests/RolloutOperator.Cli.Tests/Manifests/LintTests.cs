using RolloutOperator.Cli.Tests.Support;

namespace RolloutOperator.Cli.Tests.Manifests;

public sealed class LintTests
{
    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CliRun.Samples, "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(file!);
        }

        return data;
    }

    /// <summary>Each sample together with every template sample, as a user would lint an app directory.</summary>
    public static string WithTemplates(string file)
    {
        var templates = Directory.GetFiles(CliRun.Samples, "*analysistemplate*.yaml").Where(f => Path.GetFileName(f) != file);
        return string.Join("\n---\n", new[] { Path.Combine(CliRun.Samples, file) }.Concat(templates).Select(File.ReadAllText));
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task Lint_Sample_HasNoErrors(string file)
    {
        var result = await CliRun.RunAsync(["lint", "-f", "-"], stdin: WithTemplates(file));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("0 error(s)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_TemplateFileAlone_HasNoErrors()
    {
        var result = await CliRun.RunAsync(["lint", "-f", Path.Combine(CliRun.Samples, "analysistemplate-success-rate.yaml")]);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Lint_RolloutWithoutItsTemplates_ReportsMissingReference()
    {
        var result = await CliRun.RunAsync(["lint", "-f", Path.Combine(CliRun.Samples, "rollout-canary-gatewayapi.yaml")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("AnalysisTemplate \"success-rate\" not found", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_BrokenRollout_ReportsEveryErrorWithItsPath()
    {
        var result = await CliRun.RunAsync(["lint", "-f", CliRun.TestData("broken-rollout.yaml")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Rollout/broken: spec.strategy.canary.steps[0].setWeight:", result.Output, StringComparison.Ordinal);
        Assert.Contains("spec.strategy.canary.steps[1]", result.Output, StringComparison.Ordinal);
        Assert.Contains("spec.strategy.canary.steps[2].analysis.templates[0].templateName: AnalysisTemplate \"does-not-exist\" not found", result.Output, StringComparison.Ordinal);
        Assert.Contains("spec.selector", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_BrokenTemplate_ReportsConditionAndDuplicate()
    {
        var result = await CliRun.RunAsync(["lint", "-f", CliRun.TestData("broken-template.yaml")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("AnalysisTemplate/broken-template: spec.metrics[0].successCondition:", result.Output, StringComparison.Ordinal);
        Assert.Contains("spec.metrics[1].name: duplicate metric name \"ok\"", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_WrongTypes_ReportsFieldPath()
    {
        var result = await CliRun.RunAsync(["lint", "-f", CliRun.TestData("wrong-types.yaml")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Rollout/wrong-types: spec.replicas: wrong type or value", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_InvalidYaml_ReportsLine()
    {
        var result = await CliRun.RunAsync(["lint", "-f", CliRun.TestData("invalid-yaml.yaml")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("invalid YAML at line", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_MissingFile_Fails()
    {
        var result = await CliRun.RunAsync(["lint", "-f", "/nonexistent/rollout.yaml"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot read", result.Error, StringComparison.Ordinal);
    }
}
