using k8s;
using k8s.Models;
using static RolloutOperator.ApiEmulator.Tests.EmulatorHarness;

namespace RolloutOperator.ApiEmulator.Tests;

public sealed class GenerationAndSubresourceTests
{
    [Fact]
    public async Task Replace_LabelChangeOnly_KeepsGeneration()
    {
        await using var h = await StartAsync();
        var d = await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web"), "default", cancellationToken: Ct);
        d = await h.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "default", cancellationToken: Ct);
        d.Metadata.Labels["extra"] = "yes";

        var updated = await h.Client.AppsV1.ReplaceNamespacedDeploymentAsync(d, "web", "default", cancellationToken: Ct);

        Assert.Equal(1, updated.Metadata.Generation);
    }

    [Fact]
    public async Task Replace_SpecChange_BumpsGeneration()
    {
        await using var h = await StartAsync();
        await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web"), "default", cancellationToken: Ct);
        var d = await h.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "default", cancellationToken: Ct);
        d.Spec.Template.Spec.Containers[0].Image = "nginx:1.28";

        var updated = await h.Client.AppsV1.ReplaceNamespacedDeploymentAsync(d, "web", "default", cancellationToken: Ct);

        Assert.Equal(2, updated.Metadata.Generation);
    }

    [Fact]
    public async Task Replace_MainResource_IgnoresStatusChanges()
    {
        await using var h = await StartAsync();
        h.Emulator.Deployments.SetReadyDelay(TimeSpan.FromHours(1));
        await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web"), "default", cancellationToken: Ct);
        var d = await h.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "default", cancellationToken: Ct);
        d.Status.ReadyReplicas = 99;

        var updated = await h.Client.AppsV1.ReplaceNamespacedDeploymentAsync(d, "web", "default", cancellationToken: Ct);

        Assert.NotEqual(99, updated.Status.ReadyReplicas);
    }

    [Fact]
    public async Task ReplaceStatus_SpecChange_IsIgnored()
    {
        await using var h = await StartAsync();
        h.Emulator.Deployments.SetReadyDelay(TimeSpan.FromHours(1));
        await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web", replicas: 2), "default", cancellationToken: Ct);
        var d = await h.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "default", cancellationToken: Ct);
        d.Spec.Replicas = 7;
        d.Status.ReadyReplicas = 2;

        var updated = await h.Client.AppsV1.ReplaceNamespacedDeploymentStatusAsync(d, "web", "default", cancellationToken: Ct);

        Assert.Equal(2, updated.Spec.Replicas);
        Assert.Equal(2, updated.Status.ReadyReplicas);
        Assert.Equal(1, updated.Metadata.Generation);
    }

    [Fact]
    public async Task Scale_ReadAndReplace_ChangesSpecReplicas()
    {
        await using var h = await StartAsync();
        await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web", replicas: 2), "default", cancellationToken: Ct);

        var scale = await h.Client.AppsV1.ReadNamespacedDeploymentScaleAsync("web", "default", cancellationToken: Ct);
        scale.Spec.Replicas = 5;
        var replaced = await h.Client.AppsV1.ReplaceNamespacedDeploymentScaleAsync(scale, "web", "default", cancellationToken: Ct);

        Assert.Equal("app=web", scale.Status.Selector);
        Assert.Equal(5, replaced.Spec.Replicas);
        var d = await h.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "default", cancellationToken: Ct);
        Assert.Equal(5, d.Spec.Replicas);
        Assert.Equal(2, d.Metadata.Generation);
    }

    [Fact]
    public async Task Scale_MergePatch_ChangesSpecReplicas()
    {
        await using var h = await StartAsync();
        await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web", replicas: 2), "default", cancellationToken: Ct);

        var patched = await h.Client.AppsV1.PatchNamespacedDeploymentScaleAsync(
            new V1Patch("{\"spec\":{\"replicas\":0}}", V1Patch.PatchType.MergePatch), "web", "default", cancellationToken: Ct);

        Assert.Equal(0, patched.Spec.Replicas);
    }
}
