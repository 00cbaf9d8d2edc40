using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.ApiEmulator;
using RolloutOperator.Runtime.Leadership;
using RolloutOperator.Runtime.Metrics;

namespace RolloutOperator.Runtime.Tests.Leadership;

public sealed class LeaseLeaderGateTests
{
    private static readonly LeaderElectionOptions Short = new()
    {
        LeaseNamespace = "kube-system",
        LeaseName = "rollout-operator",
        LeaseDuration = TimeSpan.FromSeconds(2),
        RenewDeadline = TimeSpan.FromSeconds(1.5),
        RetryPeriod = TimeSpan.FromMilliseconds(300),
    };

    [Fact]
    public async Task RunAsync_TwoCandidates_OneLeadsAndOtherTakesOverAfterItStops()
    {
        await using var emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        using var client = new Kubernetes(emulator.CreateClientConfiguration());
        await EnsureNamespaceAsync(client, Short.LeaseNamespace);
        var lostA = false;
        var a = new LeaseLeaderGate(client, Short, "pod-a", () => lostA = true, RuntimeMetrics.CreateIsolated(), NullLogger.Instance);
        var b = new LeaseLeaderGate(client, Short, "pod-b", () => { }, RuntimeMetrics.CreateIsolated(), NullLogger.Instance);
        using var stopA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();

        var runA = a.RunAsync(stopA.Token);
        await a.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        var runB = b.RunAsync(stopB.Token);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.True(a.IsLeader);
        Assert.False(b.IsLeader);

        await stopA.CancelAsync();
        await runA.WaitAsync(TimeSpan.FromSeconds(5));
        var stoppedAt = DateTime.UtcNow;
        await b.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(6));

        Assert.True(b.IsLeader);
        Assert.False(a.IsLeader);
        Assert.False(lostA, "a voluntary stop is not a leadership loss");
        Assert.True(DateTime.UtcNow - stoppedAt < Short.LeaseDuration * 2.5);
        await stopB.CancelAsync();
        await runB.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task RunAsync_LeaderCannotRenew_InvokesLeadershipLostCallback()
    {
        await using var emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        using var client = new Kubernetes(emulator.CreateClientConfiguration());
        await EnsureNamespaceAsync(client, Short.LeaseNamespace);
        var lost = new TaskCompletionSource();
        var gate = new LeaseLeaderGate(client, Short, "pod-a", () => lost.TrySetResult(), RuntimeMetrics.CreateIsolated(), NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var run = gate.RunAsync(stop.Token);
        await gate.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        emulator.Faults.InjectErrors(500, 1.0, request => request.Resource == "leases");

        await lost.Task.WaitAsync(TimeSpan.FromSeconds(6));
        Assert.False(gate.IsLeader);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AlwaysLeaderGate_SingleInstance_IsLeaderImmediately()
    {
        var gate = new AlwaysLeaderGate();

        await gate.WaitForLeadershipAsync(CancellationToken.None);

        Assert.True(gate.IsLeader);
    }

    private static async Task EnsureNamespaceAsync(IKubernetes client, string name)
    {
        try
        {
            await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // Already there (the emulator may pre-create system namespaces).
        }
    }
}
