using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RolloutOperator.Cli.Tests.Support;

namespace RolloutOperator.Cli.Tests.Rendering;

public sealed class GetRenderTests
{
    private static readonly string Stable = TestRollouts.StableRevision;
    private static readonly string Canary = TestRollouts.CanaryRevision;

    private static async Task<CliResult> GetAsync(ClusterHarness cluster, params string[] extra) =>
        await cluster.RunAsync(["get", "web", .. extra], new FakeTimeProvider(TestStatuses.Now));

    private static async Task ArrangeAsync(ClusterHarness cluster, Core.Api.RolloutStatus status)
    {
        await cluster.CreateRolloutAsync(TestRollouts.Canary(), status);
        await cluster.CreateRevisionDeploymentAsync("web", Stable, TestRollouts.StableImage, 5);
        await cluster.CreateRevisionDeploymentAsync("web", Canary, TestRollouts.CanaryImage, 1);
    }

    [Fact]
    public async Task Get_CanaryMidStep_ShowsHeaderRevisionsDeploymentsAndAnalysis()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await ArrangeAsync(cluster, TestStatuses.CanaryMidStep());

        var result = await GetAsync(cluster);

        Assert.True(result.ExitCode == 0, result.ToString());
        var output = result.Output;
        Assert.Contains("Name:", output, StringComparison.Ordinal);
        Assert.Contains("default/web", output, StringComparison.Ordinal);
        Assert.Contains("◐ Progressing", output, StringComparison.Ordinal);
        Assert.Contains("Canary", output, StringComparison.Ordinal);
        Assert.Contains("1/4", output, StringComparison.Ordinal);
        Assert.Contains("desired 20%, observed 20%", output, StringComparison.Ordinal);
        Assert.Contains($"{TestRollouts.StableImage} (stable)  {TestRollouts.CanaryImage} (canary)", output, StringComparison.Ordinal);
        Assert.Contains("desired 5, current 6, updated 1, ready 6, available 6", output, StringComparison.Ordinal);
        Assert.Contains("step 2/4: analysis running", output, StringComparison.Ordinal);
        Assert.Contains("web (Rollout)", output, StringComparison.Ordinal);
        Assert.Contains($"revision {Canary}  [canary]", output, StringComparison.Ordinal);
        Assert.Contains($"revision {Stable}  [stable]", output, StringComparison.Ordinal);
        Assert.Contains($"Deployment web-{Canary}  1/1 ready, 1 available  {TestRollouts.CanaryImage}", output, StringComparison.Ordinal);
        Assert.Contains($"Deployment web-{Stable}  5/5 ready, 5 available  {TestRollouts.StableImage}", output, StringComparison.Ordinal);
        Assert.Contains("Analysis background  Running", output, StringComparison.Ordinal);
        Assert.Contains("success-rate  Running  last 0.997, Error, 0.995  (✔ 2 successful, ✖ 0 failed, ? 0 inconclusive, ⚠ 1 error)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Paused_ShowsPausedStatus()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await ArrangeAsync(cluster, TestStatuses.Paused());

        var result = await GetAsync(cluster);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("⏸ Paused", result.Output, StringComparison.Ordinal);
        Assert.Contains("step 2/4: paused until promoted", result.Output, StringComparison.Ordinal);
        Assert.Contains($"revision {Canary}  [canary]", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Aborted_ShowsAbortAndScaleDownDeadline()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await ArrangeAsync(cluster, TestStatuses.Aborted());

        var result = await GetAsync(cluster);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("✖ Aborted", result.Output, StringComparison.Ordinal);
        Assert.Contains($"{Canary}: AnalysisFailed - success-rate failed 2 of 3", result.Output, StringComparison.Ordinal);
        Assert.Contains("desired 0%, observed 0%", result.Output, StringComparison.Ordinal);
        Assert.Contains($"revision {Canary}  [canary, aborted, scale-down at 12:00:25Z (in 25s)]", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("yaml")]
    public async Task Get_Output_IsMachineReadable(string format)
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await ArrangeAsync(cluster, TestStatuses.CanaryMidStep());

        var result = await GetAsync(cluster, "-o", format);

        Assert.True(result.ExitCode == 0, result.ToString());
        if (format == "json")
        {
            using var doc = JsonDocument.Parse(result.Output);
            Assert.Equal(Canary, doc.RootElement.GetProperty("status").GetProperty("canaryRevision").GetString());
        }
        else
        {
            Assert.Contains($"canaryRevision: {Canary}", result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Get_Watch_RedrawsOnChange_AndExitsCleanlyOnCancel()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await ArrangeAsync(cluster, TestStatuses.CanaryMidStep());
        using var cts = new CancellationTokenSource();
        var output = new Support.SharedConsole();

        var run = output.RunAsync(["get", "web", "-w", "--kubeconfig", cluster.Kubeconfig], cts.Token);
        await output.WaitForAsync("step 2/4: analysis running");
        await cluster.SetStatusAsync("web", TestStatuses.Paused());
        await output.WaitForAsync("⏸ Paused");
        await cts.CancelAsync();

        Assert.Equal(0, await run);
    }
}
