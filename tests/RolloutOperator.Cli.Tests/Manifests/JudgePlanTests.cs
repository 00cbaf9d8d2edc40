using System.Text.Json;
using RolloutOperator.Cli.Tests.Support;

namespace RolloutOperator.Cli.Tests.Manifests;

public sealed class JudgePlanTests
{
    [Fact]
    public async Task Plan_JudgeStep_ShowsScoresAndBothSidesOfEveryJudgedQuery()
    {
        // The gateway sample with its first analysed step judged by the sample judge instead of the success rate.
        var manifests = LintTests.WithTemplates("rollout-canary-gatewayapi.yaml").Replace("- templateName: success-rate", "- templateName: canary-judge", StringComparison.Ordinal);

        var result = await CliRun.RunAsync(["plan", "-f", "-", "-o", "json"], stdin: manifests);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Output);
        var revision = doc.RootElement.GetProperty("revision").GetString();
        var metric = doc.RootElement.GetProperty("stages")[2].GetProperty("analysis").GetProperty("metrics")[0];
        Assert.Equal("canary-judge", metric.GetProperty("name").GetString());
        var query = metric.GetProperty("query").GetString()!;
        Assert.StartsWith("judge against Stable: pass at score 95, marginal (pause) at 75, significance 0.05; range 10m step 30s", query, StringComparison.Ordinal);
        Assert.Contains("mean-latency: bad direction Increase, tolerance 0.1, minSamples 20, weight 2", query, StringComparison.Ordinal);
        Assert.Contains($"canary:  sum(rate(http_request_duration_seconds_sum{{namespace=\"<rollout.namespace>\", service=\"checkout\", revision=\"{revision}\"}}[1m]))\n           /\n           sum(", query, StringComparison.Ordinal);
        Assert.Contains("control: sum(rate(http_request_duration_seconds_sum{namespace=\"<rollout.namespace>\", service=\"checkout\", revision=\"<revision.stable>\"}[1m]))", query, StringComparison.Ordinal);
        Assert.Contains("error-ratio: bad direction Increase", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_JudgeWithMarginalAbovePass_ReportsTheField()
    {
        var template = File.ReadAllText(Path.Combine(CliRun.Samples, "analysistemplate-canary-judge.yaml"))
            .Replace("marginalScore: 75", "marginalScore: 99", StringComparison.Ordinal);

        var result = await CliRun.RunAsync(["lint", "-f", "-"], stdin: template);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("spec.metrics[0].judge.marginalScore", result.ToString(), StringComparison.Ordinal);
        Assert.Contains("must not exceed passScore (95)", result.ToString(), StringComparison.Ordinal);
    }
}
