using Microsoft.Extensions.Time.Testing;
using RolloutOperator.Cli.Tests.Support;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Cli.Tests.Rendering;

public sealed class DryRunGetTests
{
    [Fact]
    public async Task Get_DryRunMetricWithStreak_IsMarkedAndShowsTheStreak()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        var status = TestStatuses.CanaryMidStep();
        var run = status.Analyses![0];
        var trial = run.Metrics[0] with { Name = "latency-trial", Phase = AnalysisPhase.Failed, DryRun = true };
        var gate = run.Metrics[0] with { ConsecutiveSuccesses = 1 };
        await cluster.CreateRolloutAsync(TestRollouts.Canary(), status with { Analyses = [run with { Metrics = [gate, trial] }] });

        var result = await cluster.RunAsync(["get", "web"], new FakeTimeProvider(TestStatuses.Now));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("latency-trial [dry-run]  Failed  last 0.997, Error, 0.995", result.Output, StringComparison.Ordinal);
        Assert.Contains("success-rate  Running  last 0.997, Error, 0.995  (✔ 2 successful, ✖ 0 failed, ? 0 inconclusive, ⚠ 1 error, 1 successful in a row)", result.Output, StringComparison.Ordinal);
    }
}
