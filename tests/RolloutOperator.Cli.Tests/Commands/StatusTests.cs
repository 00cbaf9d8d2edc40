using RolloutOperator.Cli.Tests.Support;

namespace RolloutOperator.Cli.Tests.Commands;

public sealed class StatusTests
{
    [Fact]
    public async Task Status_BecomesHealthy_ExitsZero()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await cluster.CreateRolloutAsync(TestRollouts.Canary(), TestStatuses.CanaryMidStep());

        var run = cluster.RunAsync("status", "web", "--timeout", "20s");
        await Task.Delay(300);
        await cluster.SetStatusAsync("web", TestStatuses.Healthy());
        var result = await run;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("analysis running", result.Output, StringComparison.Ordinal);
        Assert.Contains($"healthy: revision {TestRollouts.CanaryRevision} is stable", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_Aborted_ExitsThree()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await cluster.CreateRolloutAsync(TestRollouts.Canary(), TestStatuses.CanaryMidStep());

        var run = cluster.RunAsync("status", "web", "--timeout", "20s");
        await Task.Delay(300);
        await cluster.SetStatusAsync("web", TestStatuses.Aborted());
        var result = await run;

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("aborted (AnalysisFailed)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_Degraded_ExitsFour()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await cluster.CreateRolloutAsync(TestRollouts.Canary(), TestStatuses.CanaryMidStep() with { Phase = Core.Api.RolloutPhase.Degraded, Message = "ProgressDeadlineExceeded" });

        var result = await cluster.RunAsync("status", "web", "--timeout", "20s");

        Assert.True(result.ExitCode == 4, result.ToString());
    }

    [Fact]
    public async Task Status_NeverCompletes_TimesOutWithFive()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await cluster.CreateRolloutAsync(TestRollouts.Canary(), TestStatuses.Paused());

        var result = await cluster.RunAsync("status", "web", "--timeout", "1s");

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("timed out after 1s", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_StaleObservedGeneration_KeepsWaiting()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await cluster.CreateRolloutAsync(TestRollouts.Canary(), TestStatuses.Healthy(generation: 0));

        var result = await cluster.RunAsync("status", "web", "--timeout", "1s");

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("waiting for the operator", result.Output, StringComparison.Ordinal);
    }
}
