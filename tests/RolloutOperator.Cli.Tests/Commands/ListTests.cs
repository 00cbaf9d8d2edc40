using System.Text.Json;
using RolloutOperator.Cli.Tests.Support;

namespace RolloutOperator.Cli.Tests.Commands;

public sealed class ListTests
{
    [Fact]
    public async Task List_ShowsPhaseStepWeight()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await cluster.CreateRolloutAsync(TestRollouts.Canary("web"), TestStatuses.CanaryMidStep());
        await cluster.CreateRolloutAsync(TestRollouts.Canary("api"), TestStatuses.Healthy());

        var result = await cluster.RunAsync("list");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.Split('\n');
        Assert.Contains(lines, l => l.Contains("web", StringComparison.Ordinal) && l.Contains("◐ Progressing", StringComparison.Ordinal) && l.Contains("1/4", StringComparison.Ordinal) && l.Contains("20%", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("api", StringComparison.Ordinal) && l.Contains("✔ Healthy", StringComparison.Ordinal));
        Assert.DoesNotContain("NAMESPACE", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_AllNamespaces_AddsNamespaceColumn()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await cluster.CreateRolloutAsync(TestRollouts.Canary("web"), TestStatuses.Healthy(), ns: "kube-public");

        var result = await cluster.RunAsync("list", "-A");
        var scoped = await cluster.RunAsync("list", "-n", "kube-public");
        var other = await cluster.RunAsync("list");

        Assert.Contains("NAMESPACE", result.Output, StringComparison.Ordinal);
        Assert.Contains("kube-public", result.Output, StringComparison.Ordinal);
        Assert.Contains("web", scoped.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("web", other.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Json_Parses()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await cluster.CreateRolloutAsync(TestRollouts.Canary("web"), TestStatuses.Healthy());

        var result = await cluster.RunAsync("list", "-o", "json");

        using var doc = JsonDocument.Parse(result.Output);
        Assert.Equal("web", doc.RootElement.GetProperty("items")[0].GetProperty("metadata").GetProperty("name").GetString());
    }
}
