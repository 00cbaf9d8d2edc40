using Microsoft.Extensions.Time.Testing;
using RolloutOperator.Cli.Tests.Support;
using RolloutOperator.Model;

namespace RolloutOperator.Cli.Tests.Rendering;

/// <summary>
/// A Rollout name longer than a label value (up to 253 characters) is shortened on its revision Deployments' label;
/// the CLI must select by the same shortened value, or the API server refuses the selector.
/// </summary>
public sealed class LongNameGetTests
{
    private static readonly string LongName = string.Concat(Enumerable.Repeat(new string('w', 60) + ".", 4)) + "rollout-1";

    [Fact]
    public async Task Get_RolloutNameOver63Characters_ListsItsRevisionDeployments()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await cluster.CreateRolloutAsync(TestRollouts.Canary(LongName), TestStatuses.CanaryMidStep());
        await cluster.CreateRevisionDeploymentAsync(LongName, TestRollouts.StableRevision, TestRollouts.StableImage, 5);
        await cluster.CreateRevisionDeploymentAsync(LongName, TestRollouts.CanaryRevision, TestRollouts.CanaryImage, 1);

        var result = await cluster.RunAsync(["get", LongName], new FakeTimeProvider(TestStatuses.Now));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Deployment {RevisionNames.Deployment(LongName, TestRollouts.CanaryRevision)}  1/1 ready", result.Output, StringComparison.Ordinal);
        Assert.Contains($"Deployment {RevisionNames.Deployment(LongName, TestRollouts.StableRevision)}  5/5 ready", result.Output, StringComparison.Ordinal);
    }
}
