using System.Text;
using RolloutOperator.Cli.Tests.Support;

namespace RolloutOperator.Cli.Tests.Manifests;

/// <summary>lint on files written to hurt it: alias bombs, deep nesting, duplicate keys. Each ends in a finding, never a crash.</summary>
public sealed class HostileYamlTests
{
    // Generous: the point is that it finishes at all (unbounded expansion would run for hours or exhaust memory). The
    // work runs on the thread pool so the deadline holds even where lint never yields.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public static string BillionLaughs()
    {
        var yaml = new StringBuilder("apiVersion: rollout-operator.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: lol\nspec:\n");
        yaml.Append("  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append($"  a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        return yaml.ToString();
    }

    [Fact]
    public async Task Lint_BillionLaughs_EndsWithNodeCountFinding()
    {
        using var timeout = new CancellationTokenSource(Deadline);

        var result = await Task.Run(() => CliRun.RunAsync(["lint", "-f", "-"], stdin: BillionLaughs(), cancellationToken: timeout.Token)).WaitAsync(timeout.Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("expands to more than 100000 nodes", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_BillionLaughsBeforeAValidRollout_StopsAtTheBomb()
    {
        using var timeout = new CancellationTokenSource(Deadline);
        var input = BillionLaughs() + "---\n" + File.ReadAllText(Path.Combine(CliRun.Samples, "rollout-canary-replicas.yaml"));

        var result = await Task.Run(() => CliRun.RunAsync(["lint", "-f", "-"], stdin: input, cancellationToken: timeout.Token)).WaitAsync(timeout.Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Rollout/lol: (document): the input expands to more than", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(100_000)]
    public async Task Lint_DeeplyNestedTemplate_IsAFindingNotACrash(int depth)
    {
        var nested = new string('[', depth) + new string(']', depth);
        var yaml = $"apiVersion: rollout-operator.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: deep\nspec:\n  template: {{x: {nested}}}\n";

        var result = await CliRun.RunAsync(["lint", "-f", "-"], stdin: yaml);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Rollout/deep: (document): nested deeper than 60 levels", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_AliasNestingPastTheLimit_IsAFinding()
    {
        var yaml = new StringBuilder("apiVersion: rollout-operator.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: alias-deep\nspec:\n  x0: &x0 {leaf: 1}\n");
        for (var i = 1; i < 80; i++)
        {
            yaml.Append($"  x{i}: &x{i} {{a: *x{i - 1}}}\n");
        }

        var result = await CliRun.RunAsync(["lint", "-f", "-"], stdin: yaml.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nests deeper than 60 levels", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_DuplicateKey_IsAFindingNotACrash()
    {
        // The representation model threw ArgumentException ("same key has already been added") out of lint.
        const string Yaml = "apiVersion: rollout-operator.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: dup\nspec:\n  replicas: 1\n  replicas: 2\n";

        var result = await CliRun.RunAsync(["lint", "-f", "-"], stdin: Yaml);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Rollout/dup: (document): duplicate key \"replicas\" at line 7", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_UnknownAlias_IsAFinding()
    {
        const string Yaml = "apiVersion: rollout-operator.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: alias\nspec: *nowhere\n";

        var result = await CliRun.RunAsync(["lint", "-f", "-"], stdin: Yaml);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("refers to no anchor", result.Output + result.Error, StringComparison.Ordinal);
    }
}
