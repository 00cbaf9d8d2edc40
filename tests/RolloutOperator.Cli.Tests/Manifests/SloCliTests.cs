using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RolloutOperator.Cli.Tests.Support;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Cli.Tests.Manifests;

public sealed class SloCliTests
{
    [Fact]
    public async Task Plan_SloMetric_ShowsItsFourRenderedErrorRatioQueries()
    {
        var result = await CliRun.RunAsync(["plan", "-f", "-", "-o", "json"], stdin: LintTests.WithTemplates("rollout-canary-error-budget.yaml"));

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Output);
        var revision = doc.RootElement.GetProperty("revision").GetString();
        var metric = doc.RootElement.GetProperty("stages").EnumerateArray()
            .Single(s => s.TryGetProperty("analysis", out var a) && a.ValueKind == JsonValueKind.Object)
            .GetProperty("analysis").GetProperty("metrics")[0];
        var query = metric.GetProperty("query").GetString()!;
        Assert.Equal("availability-slo", metric.GetProperty("name").GetString());
        Assert.Contains("# SLO 99.9%", query, StringComparison.Ordinal);
        Assert.Contains("# canary, long window 10m", query, StringComparison.Ordinal);
        Assert.Contains("# stable, short window 1m", query, StringComparison.Ordinal);
        Assert.Contains($"revision=\"{revision}\"", query, StringComparison.Ordinal);
        Assert.Contains("revision=\"<revision.stable>\"", query, StringComparison.Ordinal);
        Assert.Contains("[600s]", query, StringComparison.Ordinal);
        Assert.Contains("[60s]", query, StringComparison.Ordinal);
        Assert.Contains("service=\"payments\"", query, StringComparison.Ordinal);
        Assert.DoesNotContain("{{slo.", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_SloQueryWithoutRevision_AndPolicyWithRevision_ReportFieldPaths()
    {
        var broken = File.ReadAllText(Path.Combine(CliRun.Samples, "analysistemplate-slo-availability.yaml"))
            .Replace("revision=\"{{slo.revision}}\"}[", "}[", StringComparison.Ordinal);

        var result = await CliRun.RunAsync(["lint", "-f", "-"], stdin: broken);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("spec.metrics[0].slo.total: must select the judged revision with {{slo.revision}}", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_SloMetricAndErrorBudget_ShowBurnRatesBudgetConsumedAndRemaining()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        var status = TestStatuses.CanaryMidStep() with
        {
            ErrorBudget = new ErrorBudgetStatus { RemainingPercent = 42.5, AdmittedRevision = TestRollouts.CanaryRevision },
        };
        var metric = status.Analyses![0].Metrics[0];
        var slo = new SloMeasurement
        {
            CanaryLongBurnRate = 14,
            CanaryShortBurnRate = 13.5,
            StableLongBurnRate = 7,
            StableShortBurnRate = 8,
            Threshold = 6,
            Windows = "600s/60s",
            BudgetConsumedPercent = 0.065,
            StableBurning = true,
        };
        status.Analyses[0].Metrics[0] = metric with { Measurements = [.. metric.Measurements.SkipLast(1), metric.Measurements[^1] with { Slo = slo }] };
        await cluster.CreateRolloutAsync(TestRollouts.Canary(), status);

        var result = await cluster.RunAsync(["get", "web"], new FakeTimeProvider(TestStatuses.Now));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("burn rate (long/short 600s/60s): canary 14 / 13.5, stable 7 / 8, threshold 6; budget consumed by the canary 0.065%; STABLE IS BURNING", result.Output, StringComparison.Ordinal);
        Assert.Contains($"42.5% remaining, admitted {TestRollouts.CanaryRevision}", result.Output, StringComparison.Ordinal);
    }
}
