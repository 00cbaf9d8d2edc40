using k8s;
using RolloutOperator.Core.Api;
using RolloutOperator.EndToEnd.Tests.Support;
using static RolloutOperator.EndToEnd.Tests.Support.TestManifests;

namespace RolloutOperator.EndToEnd.Tests.Scenarios;

public sealed class BlueGreenEndToEndTests
{
    [Fact]
    public async Task ManualPromotion_SwitchesActiveService_OldRevisionScaledDownAfterDelay()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        await cluster.ApplyAsync(BlueGreenServices() + "\n---\n" + BlueGreen());
        await cluster.StartOperatorAsync();
        var v1 = (await cluster.WaitForRolloutAsync("bg", r => r.Status?.Phase == RolloutPhase.Healthy, "first revision healthy")).Status!.StableRevision!;
        Assert.Equal(v1, await SelectedAsync(cluster, "bg-active"));

        await cluster.SetImageAsync("bg", "registry.example/bg:2");
        var paused = await cluster.WaitForRolloutAsync("bg", r => r.Status?.Phase == RolloutPhase.Paused, "waiting for promotion");
        var v2 = paused.Status!.CanaryRevision!;
        Assert.Equal(v2, await SelectedAsync(cluster, "bg-preview"));
        Assert.Equal(v1, await SelectedAsync(cluster, "bg-active"));

        await cluster.CommandAsync("bg", "promote");
        await OperatorCluster.EventuallyAsync(() => SelectedAsync(cluster, "bg-active"), s => s == v2, TimeSpan.FromSeconds(30), "active switched");
        await cluster.WaitForRolloutAsync("bg", r => r.Status?.Phase == RolloutPhase.Healthy && r.Status.StableRevision == v2, "promoted");
        await OperatorCluster.EventuallyAsync(() => cluster.FindDeploymentAsync($"bg-{v1}"), d => d!.Spec.Replicas == 0, TimeSpan.FromSeconds(30), "old revision scaled down");
    }

    private static async Task<string?> SelectedAsync(OperatorCluster cluster, string service)
    {
        var s = await cluster.Client.CoreV1.ReadNamespacedServiceAsync(service, cluster.Namespace, cancellationToken: OperatorCluster.Ct);
        return s.Spec.Selector?.TryGetValue(ApiGroup.RevisionLabel, out var revision) == true ? revision : null;
    }
}
