using k8s;
using k8s.Models;
using RolloutOperator.ApiEmulator;
using RolloutOperator.Runtime.Leadership;

namespace RolloutOperator.Runtime.Tests.Leadership;

public sealed class LeaderOnlyWritesHandlerTests
{
    [Fact]
    public async Task Send_NotLeader_RefusesWritesBeforeTheyLeaveAndStillReads()
    {
        await using var emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var gate = new SettableLeaderGate { IsLeader = false };
        using var client = new Kubernetes(emulator.CreateClientConfiguration(), new LeaderOnlyWritesHandler(gate, CancellationToken.None));

        await Assert.ThrowsAsync<NotLeaderException>(() => client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default"));
        var list = await client.CoreV1.ListNamespacedConfigMapAsync("default");
        gate.IsLeader = true;
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("b"), "default");

        Assert.Empty(list.Items);
        var write = Assert.Single(emulator.Requests.Writes());
        Assert.Contains("/configmaps", write.Path, StringComparison.Ordinal);
        Assert.Equal(["b"], (await client.CoreV1.ListNamespacedConfigMapAsync("default")).Items.Select(c => c.Metadata.Name));
    }

    [Fact]
    public async Task Send_Revoked_RefusesWritesEvenIfTheGateStillSaysLeader()
    {
        await using var emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        using var revoked = new CancellationTokenSource();
        using var client = new Kubernetes(
            emulator.CreateClientConfiguration(), new LeaderOnlyWritesHandler(new SettableLeaderGate { IsLeader = true }, revoked.Token));
        await revoked.CancelAsync();

        await Assert.ThrowsAsync<NotLeaderException>(() => client.CoreV1.DeleteNamespacedConfigMapAsync("a", "default"));

        Assert.Empty(emulator.Requests.Writes());
    }

    private static V1ConfigMap ConfigMap(string name) => new() { Metadata = new V1ObjectMeta { Name = name } };
}
