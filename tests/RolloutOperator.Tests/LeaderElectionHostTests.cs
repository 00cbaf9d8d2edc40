using System.Diagnostics;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RolloutOperator.ApiEmulator;
using RolloutOperator.Configuration;

namespace RolloutOperator.Tests;

/// <summary>The host's leader election: timing validation, the Lease's own client, and no writes past the renew deadline.</summary>
public sealed class LeaderElectionHostTests : IAsyncLifetime
{
    private const string Lease = "rollout-operator-leader";
    private EmulatorCluster _cluster = null!;

    private static CancellationToken Ct => CancellationToken.None;

    public async Task InitializeAsync() => _cluster = await EmulatorCluster.StartAsync(Ct);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Theory]
    [InlineData("5", "6", "1", "--lease-duration (5s) must be greater than --renew-deadline (6s)")]
    [InlineData("15", "10", "10", "--renew-deadline (10s) must be greater than 1.2 × --retry-period (10s) = 12s")]
    public async Task Process_UnsafeLeaderTiming_ExitsNonZeroNamingTheFlags(string lease, string renew, string retry, string expected)
    {
        var (exitCode, stderr) = await RunProcessAsync(
            ["--kubeconfig", _cluster.Kubeconfig, "--port", "0", "--lease-duration", lease, "--renew-deadline", renew, "--retry-period", retry]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_LeaderElectionOff_DoesNotCheckTheUnusedTiming()
    {
        await using var app = OperatorHost.Build(["--kubeconfig", _cluster.Kubeconfig, "--port", "0", "--leader-elect", "false", "--lease-duration", "1", "--renew-deadline", "5"]);

        Assert.NotNull(app);
    }

    [Fact]
    public void Build_RenewDeadlineNotAboveRetry_FailsClearly()
    {
        var error = Assert.Throws<OperatorConfigurationException>(() => OperatorHost.Build(
            ["--kubeconfig", _cluster.Kubeconfig, "--port", "0", "--lease-duration", "10", "--renew-deadline", "2", "--retry-period", "2"]));

        Assert.Contains("--renew-deadline (2s) must be greater than 1.2 × --retry-period (2s) = 2.4s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_ReconcileClientSaturated_LeaseKeepsBeingRenewed()
    {
        var renewDeadline = TimeSpan.FromSeconds(2);
        await using var app = OperatorHost.Build(
            ["--kubeconfig", _cluster.Kubeconfig, "--port", "0", "--pod-name", "op-a", "--namespaces", "default", "--log-format", "console",
             "--lease-duration", "3", "--renew-deadline", "2", "--retry-period", "0.5", "--qps", "10", "--burst", "10"]);
        await app.StartAsync(Ct);
        using var client = new Kubernetes(_cluster.Emulator.CreateClientConfiguration());
        await WaitForAsync(async () => (await ReadLeaseAsync(client))?.Spec.HolderIdentity == "op-a");

        // 600 requests at 10 per second: the reconcile client's queue is a minute long.
        using var flood = new CancellationTokenSource();
        var reconcileClient = app.Services.GetRequiredService<IKubernetes>();
        var queued = Enumerable.Range(0, 600).Select(_ => reconcileClient.CoreV1.ListNamespaceAsync(cancellationToken: flood.Token)).ToList();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(8))
        {
            var lease = await ReadLeaseAsync(client);
            var age = DateTime.UtcNow - lease!.Spec.RenewTime!.Value.ToUniversalTime();
            Assert.True(age < renewDeadline, $"the lease was last renewed {age} ago while the reconcile client was saturated");
            Assert.Equal("op-a", lease.Spec.HolderIdentity);
            await Task.Delay(250, Ct);
        }

        Assert.Contains(queued, q => !q.IsCompleted);
        Assert.False(app.Lifetime.ApplicationStopping.IsCancellationRequested, "leadership was not lost");
        await flood.CancelAsync();
        await Task.WhenAll(queued.Select(q => q.ContinueWith(_ => { }, TaskScheduler.Default)));
        await app.StopAsync(Ct);
        Assert.Equal(0, app.GetExitCode());
    }

    [Fact]
    public async Task Host_LeaseRequestsHeld_StopsWritingAtTheRenewDeadlineBeforeTheLeaseExpires()
    {
        var leaseDuration = TimeSpan.FromSeconds(4);
        var renewDeadline = TimeSpan.FromSeconds(2.5);
        await using var app = OperatorHost.Build(
            ["--kubeconfig", _cluster.Kubeconfig, "--port", "0", "--pod-name", "op-b", "--namespaces", "default", "--log-format", "console",
             "--lease-duration", "4", "--renew-deadline", "2.5", "--retry-period", "1"]);
        var stopping = new TaskCompletionSource<DateTimeOffset>();
        using var onStopping = app.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult(DateTimeOffset.UtcNow));
        await app.StartAsync(Ct);
        using var client = new Kubernetes(_cluster.Emulator.CreateClientConfiguration());
        await WaitForAsync(async () => (await ReadLeaseAsync(client))?.Spec.HolderIdentity == "op-b");

        // Stands in for reconciles that keep writing through the operator's client until something stops them.
        using var stopWriting = new CancellationTokenSource();
        var writer = WriteUntilCancelledAsync(app.Services.GetRequiredService<IKubernetes>(), stopWriting.Token);
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        _cluster.Emulator.Faults.Hold(r => r.Resource == "leases" && r.UserAgent?.Contains("(op-b)", StringComparison.Ordinal) == true);
        var stoppedAt = await stopping.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        await stopWriting.CancelAsync();
        await writer;
        _cluster.Emulator.Faults.Clear();

        var mine = _cluster.Emulator.Requests.Where(r => r.UserAgent?.Contains("(op-b)", StringComparison.Ordinal) == true && r.IsWrite && r.StatusCode < 300);
        var lastRenewal = mine.Where(r => r.Request.Resource == "leases").Max(r => r.Time);
        var lastWrite = mine.Where(r => r.Request.Resource == "configmaps").Max(r => r.Time);
        var tolerance = TimeSpan.FromMilliseconds(400);
        Assert.True(stoppedAt - lastRenewal <= renewDeadline + tolerance, $"stopped {stoppedAt - lastRenewal} after the last renewal");
        Assert.True(lastWrite - lastRenewal <= renewDeadline + tolerance, $"wrote {lastWrite - lastRenewal} after the last renewal");
        Assert.True(lastWrite < lastRenewal + leaseDuration, "no write once a standby may hold the lease");
        await app.StopAsync(Ct);
        Assert.Equal(3, app.GetExitCode());
    }

    private static async Task WriteUntilCancelledAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        for (var i = 0; !cancellationToken.IsCancellationRequested; i++)
        {
            try
            {
                var configMap = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"write-{i}" } };
                await client.CoreV1.CreateNamespacedConfigMapAsync(configMap, "default", cancellationToken: CancellationToken.None);
            }
#pragma warning disable CA1031 // Refused and failed writes are expected once leadership is gone; the request log is the evidence.
            catch (Exception)
#pragma warning restore CA1031
            {
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    private static async Task<V1Lease?> ReadLeaseAsync(IKubernetes client)
    {
        var leases = await client.CoordinationV1.ListNamespacedLeaseAsync("default", cancellationToken: Ct);
        return leases.Items.SingleOrDefault(l => l.Metadata.Name == Lease);
    }

    private static async Task<(int ExitCode, string Stderr)> RunProcessAsync(string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(OperatorHost).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the operator did not exit; it ran with the unsafe timing. Output: {await stdout}");
        }

        return (process.ExitCode, await stderr);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in time");
            await Task.Delay(50, Ct);
        }
    }
}
