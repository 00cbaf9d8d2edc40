using k8s;
using RolloutOperator.Core.Api;
using RolloutOperator.EndToEnd.Tests.Support;
using Xunit.Abstractions;
using static RolloutOperator.EndToEnd.Tests.Support.TestManifests;

namespace RolloutOperator.EndToEnd.Tests.Scenarios;

public sealed class LeaderElectionEndToEndTests(ITestOutputHelper output)
{
    /// <summary>
    /// The operator's own default timing (no lease flags): a standby must hold the Lease within 15 s of the leader's
    /// SIGKILL, and then carry on the work.
    /// </summary>
    [Fact]
    public async Task TwoInstances_DefaultTiming_FollowerTakesOverWithinFifteenSecondsOfTheLeaderDying()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        await cluster.ApplyAsync(Services() + "\n---\n" + Canary(NoRouting));
        string[] election = ["--leader-elect", "true", "--leader-election-namespace", cluster.Namespace];
        var a = cluster.StartOperatorProcess("operator-a", election);
        var b = cluster.StartOperatorProcess("operator-b", election);
        await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Healthy, "healthy under the first leader");
        var lease = await cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync("rollout-operator-leader", cluster.Namespace, cancellationToken: OperatorCluster.Ct);
        var leader = lease.Spec.HolderIdentity;
        var (leaderProcess, follower) = leader == "operator-a" ? (a, "operator-b") : (b, "operator-a");

        var killedAt = DateTimeOffset.UtcNow;
        leaderProcess.Kill();
        var taken = await OperatorCluster.EventuallyAsync(
            () => cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync("rollout-operator-leader", cluster.Namespace, cancellationToken: OperatorCluster.Ct),
            l => l.Spec.HolderIdentity == follower,
            TimeSpan.FromSeconds(40),
            "the follower takes the lease");
        var takeOver = DateTimeOffset.UtcNow - killedAt;
        output.WriteLine($"take-over with default timing: {takeOver.TotalSeconds:0.00} s after SIGKILL (lease acquireTime {taken.Spec.AcquireTime:O}, killed {killedAt:O})");
        Assert.True(takeOver <= TimeSpan.FromSeconds(15), $"took over {takeOver.TotalSeconds:0.00} s after the leader died");

        await cluster.SetImageAsync("web", "registry.example/web:2");
        await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Healthy && r.Status.CanaryRevision is null && r.Metadata.Generation == r.Status.ObservedGeneration, "the new leader rolls out", 90);
    }

    [Fact]
    public async Task TwoInstances_OneLeads_OtherTakesOverWhenLeaderDies_NonLeaderNeverWrites()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        await cluster.ApplyAsync(Services() + "\n---\n" + Canary(NoRouting));
        string[] election = ["--leader-elect", "true", "--leader-election-namespace", cluster.Namespace, "--lease-duration", "4", "--renew-deadline", "3", "--retry-period", "1"];
        var a = cluster.StartOperatorProcess("operator-a", election);
        var b = cluster.StartOperatorProcess("operator-b", election);
        await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Healthy, "healthy under the first leader");

        var lease = await cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync("rollout-operator-leader", cluster.Namespace, cancellationToken: OperatorCluster.Ct);
        var leader = lease.Spec.HolderIdentity;
        var (leaderProcess, follower) = leader == "operator-a" ? (a, "operator-b") : (b, "operator-a");
        Assert.Contains(leader, new[] { "operator-a", "operator-b" });

        // Both instances talk to the API (informers run everywhere, so failover is warm), but only the leader writes
        // anything other than its lease attempts.
        Assert.Contains(cluster.Emulator.Requests.All(), r => r.UserAgent?.Contains($"({follower})", StringComparison.Ordinal) == true);
        Assert.Contains(cluster.Emulator.Requests.Writes(), w => w.UserAgent?.Contains($"({leader})", StringComparison.Ordinal) == true && !w.Path.Contains("/leases", StringComparison.Ordinal));
        Assert.DoesNotContain(cluster.Emulator.Requests.Writes(), w => w.UserAgent?.Contains($"({follower})", StringComparison.Ordinal) == true && !w.Path.Contains("/leases", StringComparison.Ordinal));

        var killedAt = DateTimeOffset.UtcNow;
        leaderProcess.Kill();
        await OperatorCluster.EventuallyAsync(
            () => cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync("rollout-operator-leader", cluster.Namespace, cancellationToken: OperatorCluster.Ct),
            l => l.Spec.HolderIdentity == follower,
            TimeSpan.FromSeconds(30),
            "the follower takes the lease");
        Assert.True(DateTimeOffset.UtcNow - killedAt < TimeSpan.FromSeconds(12), "took over within the lease duration plus a retry");

        await cluster.SetImageAsync("web", "registry.example/web:2");
        await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Healthy && r.Status.StableRevision != lease.Spec.HolderIdentity && r.Status.CanaryRevision is null && r.Metadata.Generation == r.Status.ObservedGeneration, "the new leader rolls out", 90);
    }
}
