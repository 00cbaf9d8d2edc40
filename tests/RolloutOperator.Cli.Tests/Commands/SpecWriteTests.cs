using RolloutOperator.Cli.Tests.Support;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Cli.Tests.Commands;

public sealed class SpecWriteTests
{
    [Fact]
    public async Task SetImage_ChangesContainerImage_AndReportsNewRevision()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await cluster.CreateRolloutAsync(TestRollouts.Canary(image: TestRollouts.StableImage), TestStatuses.Healthy());

        var result = await cluster.RunAsync("set", "image", "web", "app=registry.example/app:v3");

        Assert.True(result.ExitCode == 0, result.ToString());
        var rollout = await cluster.GetRolloutAsync("web");
        Assert.Equal("registry.example/app:v3", (string?)rollout.Spec.Template!["spec"]!["containers"]![0]!["image"]);
        Assert.Contains($"revision {RevisionHash.Compute(rollout.Spec.Template)} replaces {TestRollouts.StableRevision}", result.Output, StringComparison.Ordinal);
        Assert.Contains("container app image registry.example/app:v1 -> registry.example/app:v3", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetImage_UnknownContainer_Fails()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await cluster.CreateRolloutAsync(TestRollouts.Canary(), TestStatuses.Healthy());

        var result = await cluster.RunAsync("set", "image", "web", "sidecar=x:1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("container \"sidecar\" not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_AddsRestartedAtTemplateAnnotation()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await cluster.CreateRolloutAsync(TestRollouts.Canary(), TestStatuses.Healthy());
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestStatuses.Now);

        var result = await cluster.RunAsync(["restart", "web"], time);

        Assert.True(result.ExitCode == 0, result.ToString());
        var rollout = await cluster.GetRolloutAsync("web");
        Assert.Equal("2026-03-01T12:00:00Z", (string?)rollout.Spec.Template!["metadata"]!["annotations"]!["rollout-operator.io/restartedAt"]);
        Assert.Contains($"replaces {TestRollouts.CanaryRevision}", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_WhileRolling_RefusesToSupersede()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await cluster.CreateRolloutAsync(TestRollouts.Canary(), TestStatuses.CanaryMidStep());

        var result = await cluster.RunAsync("restart", "web");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is being rolled out", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undo_DuringCanary_RestoresStableTemplate()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await cluster.CreateRolloutAsync(TestRollouts.Canary(), TestStatuses.CanaryMidStep());
        await cluster.CreateRevisionDeploymentAsync("web", TestRollouts.StableRevision, TestRollouts.StableImage, 5);

        var result = await cluster.RunAsync("undo", "web");

        Assert.True(result.ExitCode == 0, result.ToString());
        var rollout = await cluster.GetRolloutAsync("web");
        Assert.Equal(TestRollouts.StableImage, (string?)rollout.Spec.Template!["spec"]!["containers"]![0]!["image"]);
        Assert.Null(rollout.Spec.Template["metadata"]!["labels"]!["rollout-operator.io/revision"]);
        Assert.Contains($"template of revision {TestRollouts.StableRevision}", result.Output, StringComparison.Ordinal);
        // Server-filled defaults are dropped, so the restored template is the stable revision itself.
        Assert.Equal(TestRollouts.StableRevision, RevisionHash.Compute(rollout.Spec.Template));
    }

    [Fact]
    public async Task Undo_ToRevision_UsesThatDeployment()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await cluster.CreateRolloutAsync(TestRollouts.Canary(), TestStatuses.Healthy());
        await cluster.CreateRevisionDeploymentAsync("web", "0123456789", "registry.example/app:v0", 0);

        var result = await cluster.RunAsync("undo", "web", "--to-revision", "0123456789");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("registry.example/app:v0", (string?)(await cluster.GetRolloutAsync("web")).Spec.Template!["spec"]!["containers"]![0]!["image"]);
    }

    [Fact]
    public async Task Undo_MissingRevision_FailsWithNotFound()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await cluster.CreateRolloutAsync(TestRollouts.Canary(), TestStatuses.Healthy());

        var result = await cluster.RunAsync("undo", "web", "--to-revision", "ffffffffff");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("deployment \"web-ffffffffff\" not found", result.Error, StringComparison.Ordinal);
    }
}
