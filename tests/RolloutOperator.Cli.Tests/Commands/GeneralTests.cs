using RolloutOperator.Cli.Tests.Support;

namespace RolloutOperator.Cli.Tests.Commands;

public sealed class GeneralTests
{
    [Fact]
    public async Task Version_PrintsPluginAndApiVersion()
    {
        var result = await CliRun.RunAsync(["version"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("kubectl-rollout_operator", result.Output, StringComparison.Ordinal);
        Assert.Contains("rollout-operator.io/v1alpha1", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_IsUsageError()
    {
        var result = await CliRun.RunAsync(["frobnicate"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("frobnicate", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithoutKubeconfig_ExplainsWhatIsMissing()
    {
        var result = await CliRun.RunAsync(["get", "web"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no kubeconfig found", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bash", "complete -F")]
    [InlineData("zsh", "compdef")]
    [InlineData("kubectl", "[suggest:")]
    public async Task Completion_PrintsScript(string shell, string expected)
    {
        var result = await CliRun.RunAsync(["completion", shell]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuggestDirective_CompletesSubcommands()
    {
        var line = "kubectl-rollout_operator pro";
        var result = await CliRun.RunAsync([$"[suggest:{line.Length}]", line]);

        Assert.Contains("promote", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsCommands()
    {
        var result = await CliRun.RunAsync(["--help"]);

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "get", "list", "status", "promote", "abort", "retry", "pause", "resume", "restart", "undo", "set", "lint", "plan", "version", "completion" })
        {
            Assert.Contains(command, result.Output, StringComparison.Ordinal);
        }
    }
}
