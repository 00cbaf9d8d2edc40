using System.Text.Json;
using RolloutOperator.Cli.Tests.Support;

namespace RolloutOperator.Cli.Tests.Manifests;

/// <summary>lint and plan know dryRun, measurementRetention and consecutiveSuccessLimit.</summary>
public sealed class AnalysisErgonomicsTests
{
    [Fact]
    public async Task Lint_OutOfRangeRetentionAndStreak_ReportsEachAtItsPath()
    {
        var result = await CliRun.RunAsync(["lint", "-f", CliRun.TestData("ergonomics-template.yaml")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("AnalysisTemplate/ergonomics: spec.metrics[0].measurementRetention: must be at most 10, got 11", result.Output, StringComparison.Ordinal);
        Assert.Contains("AnalysisTemplate/ergonomics: spec.metrics[0].consecutiveSuccessLimit: must not exceed count (3", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_DryRunRollout_HasNoErrors()
    {
        var result = await CliRun.RunAsync(["lint", "-f", CliRun.TestData("dry-run-rollout.yaml")]);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Plan_DryRunMetric_IsMarkedInTableAndAnalysis()
    {
        var result = await CliRun.RunAsync(["plan", "-f", CliRun.TestData("dry-run-rollout.yaml")]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("success-rate, latency-trial (dry-run)", result.Output, StringComparison.Ordinal);
        Assert.Contains("latency-trial [dry-run: measured, never fails or pauses the rollout]: every 1m, count 4", result.Output, StringComparison.Ordinal);
        Assert.Contains("passes after 2 consecutive successes, keeps 3 measurements", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_Json_CarriesTheFieldsAndTheStreakShortensTheMinimum()
    {
        var result = await CliRun.RunAsync(["plan", "-f", CliRun.TestData("dry-run-rollout.yaml"), "-o", "json"]);

        using var doc = JsonDocument.Parse(result.Output);
        var metrics = doc.RootElement.GetProperty("stages")[1].GetProperty("analysis").GetProperty("metrics");
        Assert.False(metrics[0].GetProperty("dryRun").GetBoolean());
        Assert.Equal(2, metrics[0].GetProperty("consecutiveSuccessLimit").GetInt32());
        Assert.Equal(3, metrics[0].GetProperty("measurementRetention").GetInt32());
        Assert.True(metrics[1].GetProperty("dryRun").GetBoolean());
        // The gating metric may pass after 2 measurements (1m), but the dry-run one needs all 4 (3m): the step waits for it.
        Assert.Equal(180, doc.RootElement.GetProperty("minSeconds").GetInt64());
    }
}
