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
    public async Task RunAsync_LeaseRequestsHeld_StopsLeadingAtTheRenewDeadlineBeforeTheLeaseCanExpire()
    {
        // A retry period that is large next to the deadline: the elector alone notices a failed renewal only a retry
        // period after the deadline, close to the lease's expiry.
        var options = Short with { LeaseDuration = TimeSpan.FromSeconds(3), RenewDeadline = TimeSpan.FromSeconds(2), RetryPeriod = TimeSpan.FromSeconds(0.8) };
        await using var emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        using var client = new Kubernetes(emulator.CreateClientConfiguration());
        await EnsureNamespaceAsync(client, options.LeaseNamespace);
        var lost = new TaskCompletionSource<DateTimeOffset>();
        var gate = new LeaseLeaderGate(client, options, "pod-a", () => lost.TrySetResult(DateTimeOffset.UtcNow), RuntimeMetrics.CreateIsolated(), NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var run = gate.RunAsync(stop.Token);
        await gate.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(TimeSpan.FromSeconds(2));

        emulator.Faults.Hold(request => request.Resource == "leases");
        var lostAt = await lost.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var notLeaderAt = gate.IsLeader ? (DateTimeOffset?)null : DateTimeOffset.UtcNow;

        // The record time is when the API server answered the last renewal: never before the renewal started.
        var lastRenewal = emulator.Requests.For("leases").Where(r => r.IsWrite && r.StatusCode is 200 or 201).Max(r => r.Time);
        Assert.NotNull(notLeaderAt);
        Assert.True(lostAt - lastRenewal <= options.RenewDeadline + TimeSpan.FromMilliseconds(400), $"lost {lostAt - lastRenewal} after the last renewal");
        Assert.True(lostAt < lastRenewal + options.LeaseDuration, "stopped before any standby could see the lease expire");
        emulator.Faults.Clear();
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(gate.IsLeader);
    }

    [Fact]
    public void Constructor_UnsafeTiming_Throws() =>
        Assert.Throws<ArgumentException>(() => new LeaseLeaderGate(
            new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" }),
            Short with { RenewDeadline = Short.LeaseDuration },
            "pod-a",
            () => { },
            RuntimeMetrics.CreateIsolated(),
            NullLogger.Instance));

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
