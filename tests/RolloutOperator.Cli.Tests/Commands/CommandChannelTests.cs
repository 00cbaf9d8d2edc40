using System.Text.Json;
using RolloutOperator.Cli.Tests.Support;

namespace RolloutOperator.Cli.Tests.Commands;

public sealed class CommandChannelTests
{
    [Theory]
    [InlineData(new[] { "promote" }, "promote")]
    [InlineData(new[] { "promote", "--full" }, "promote-full")]
    [InlineData(new[] { "abort" }, "abort")]
    [InlineData(new[] { "retry" }, "retry")]
    [InlineData(new[] { "pause" }, "pause")]
    [InlineData(new[] { "resume" }, "resume")]
    public async Task Command_WhileRolling_WritesAnnotationForCanaryRevision(string[] verb, string action)
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await cluster.CreateRolloutAsync(TestRollouts.Canary(), TestStatuses.CanaryMidStep());

        var result = await cluster.RunAsync([verb[0], "web", .. verb[1..]]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{action} requested for revision {TestRollouts.CanaryRevision}", result.Output, StringComparison.Ordinal);
        var rollout = await cluster.GetRolloutAsync("web");
        using var command = JsonDocument.Parse(rollout.Metadata.Annotations["rollout-operator.io/command"]);
        Assert.Equal(action, command.RootElement.GetProperty("action").GetString());
        Assert.Equal(TestRollouts.CanaryRevision, command.RootElement.GetProperty("revision").GetString());
        Assert.False(string.IsNullOrEmpty(command.RootElement.GetProperty("id").GetString()));
        Assert.Contains(rollout.Metadata.ManagedFields, f => f.Manager == "rollout-operator-cli");
        Assert.Equal(1, rollout.Metadata.Generation);
    }

    [Fact]
    public async Task Command_TwiceInARow_UsesFreshIds()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await cluster.CreateRolloutAsync(TestRollouts.Canary(), TestStatuses.Paused());

        await cluster.RunAsync("promote", "web");
        var first = (await cluster.GetRolloutAsync("web")).Metadata.Annotations["rollout-operator.io/command"];
        await cluster.RunAsync("promote", "web");
        var second = (await cluster.GetRolloutAsync("web")).Metadata.Annotations["rollout-operator.io/command"];

        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("promote")]
    [InlineData("abort")]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("retry")]
    public async Task Command_NothingRolling_FailsWithClearError(string verb)
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await cluster.CreateRolloutAsync(TestRollouts.Canary(), TestStatuses.Healthy());

        var result = await cluster.RunAsync(verb, "web");

        Assert.Equal(6, result.ExitCode);
        Assert.Contains("no revision being rolled out", result.Error, StringComparison.Ordinal);
        Assert.Null((await cluster.GetRolloutAsync("web")).Metadata.Annotations);
    }

    [Fact]
    public async Task Command_UnknownRollout_FailsWithNotFound()
    {
        await using var cluster = await ClusterHarness.StartAsync();

        var result = await cluster.RunAsync("promote", "missing");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("rollout \"missing\" not found in namespace \"default\"", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_AfterAbort_TargetsAbortedRevision()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await cluster.CreateRolloutAsync(TestRollouts.Canary(), TestStatuses.Aborted());

        var result = await cluster.RunAsync("retry", "web");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(TestRollouts.CanaryRevision, (await cluster.GetRolloutAsync("web")).Metadata.Annotations["rollout-operator.io/command"], StringComparison.Ordinal);
    }
}
