using k8s;
using Microsoft.Extensions.Time.Testing;
using static RolloutOperator.ApiEmulator.Tests.EmulatorHarness;

namespace RolloutOperator.ApiEmulator.Tests;

public sealed class DeploymentSimulatorTests
{
    [Fact]
    public async Task Create_NoReadyDelay_ReportsAllReplicasAvailable()
    {
        await using var h = await StartAsync();

        await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web", replicas: 3), "default", cancellationToken: Ct);

        var d = await h.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "default", cancellationToken: Ct);
        Assert.Equal(3, d.Status.ReadyReplicas);
        Assert.Equal(3, d.Status.AvailableReplicas);
        Assert.Equal(3, d.Status.UpdatedReplicas);
        Assert.Equal(d.Metadata.Generation, d.Status.ObservedGeneration);
        Assert.Contains(d.Status.Conditions, c => c.Type == "Available" && c.Status == "True");
    }

    [Fact]
    public async Task Create_WithReadyDelay_BecomesReadyOnlyAfterDelay()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var h = await StartAsync(new EmulatorOptions { Time = time, DefaultReadyDelay = TimeSpan.FromSeconds(30) });
        await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web", replicas: 2), "default", cancellationToken: Ct);
        var before = await h.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "default", cancellationToken: Ct);

        time.Advance(TimeSpan.FromSeconds(31));

        var after = await h.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "default", cancellationToken: Ct);
        Assert.Equal(0, before.Status.ReadyReplicas ?? 0);
        Assert.Equal(2, after.Status.ReadyReplicas);
        Assert.Equal(2, after.Status.AvailableReplicas);
    }

    [Fact]
    public async Task CrashLoopingImage_NeverBecomesReady()
    {
        await using var h = await StartAsync();
        h.Emulator.Deployments.MarkCrashLoopingImage("bad:1");

        await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web", replicas: 2, image: "bad:1"), "default", cancellationToken: Ct);

        var d = await h.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "default", cancellationToken: Ct);
        Assert.Equal(2, d.Status.Replicas);
        Assert.Equal(0, d.Status.ReadyReplicas);
        Assert.Equal(0, d.Status.AvailableReplicas);
        Assert.Contains(d.Status.Conditions, c => c.Type == "Available" && c.Status == "False");
    }

    [Fact]
    public async Task Scale_Up_ReportsNewReplicaCount()
    {
        await using var h = await StartAsync();
        await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web", replicas: 1), "default", cancellationToken: Ct);

        await h.Client.AppsV1.PatchNamespacedDeploymentScaleAsync(new k8s.Models.V1Patch("{\"spec\":{\"replicas\":4}}", k8s.Models.V1Patch.PatchType.MergePatch), "web", "default", cancellationToken: Ct);

        var d = await h.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "default", cancellationToken: Ct);
        Assert.Equal(4, d.Status.AvailableReplicas);
        Assert.Equal(2, d.Status.ObservedGeneration);
    }
}
