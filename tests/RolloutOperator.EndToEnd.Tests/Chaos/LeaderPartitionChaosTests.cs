using k8s;
using RolloutOperator.ApiEmulator;
using RolloutOperator.ApiEmulator.Http;
using RolloutOperator.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace RolloutOperator.EndToEnd.Tests.Chaos;

/// <summary>
/// Issue 16 §4, fourth bullet: two instances with leader election while a fleet progresses; the leader loses the API
/// entirely (every request held unanswered, its open watches cut) for the partition. It must stop writing before its
/// lease can expire, the standby must hold the lease within 15 s, and the request log must never show writes of two
/// leaders interleaved: every write of the old leader precedes the new leader's acquisition of the lease.
/// </summary>
[Trait("Category", "Chaos")]
[Collection("Chaos")]
public sealed class LeaderPartitionChaosTests(ITestOutputHelper output)
{
    private const string Lease = "rollout-operator-leader";

    [Fact]
    public async Task LeaderCutOffFromTheApi_StopsWritingBeforeItsLeaseExpires_StandbyTakesOverWithinFifteenSeconds()
    {
        var scale = ChaosScale.Current;
        var members = FleetManifests.Members(scale.PartitionRollouts, scale.Seed);
        await using var prometheus = await ScriptedPrometheus.StartAsync();
        await using var fleet = await ChaosFleet.DeployAsync(members, prometheus.Address("ok"));
        var a = fleet.StartCandidate("chaos-a", scale.LeaseFlags);
        var b = fleet.StartCandidate("chaos-b", scale.LeaseFlags);
        await fleet.WaitFirstRevisionAsync(TimeSpan.FromMinutes(3));
        var leader = (await ReadLeaseAsync(fleet)).Spec.HolderIdentity;
        var (leaderProcess, standby) = leader == "chaos-a" ? (a, "chaos-b") : (b, "chaos-a");

        var clock = await fleet.StartRolloutAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var cut = DateTimeOffset.UtcNow;
        fleet.Emulator.Faults.Hold(r => From(r.UserAgent, leader));
        fleet.Emulator.Faults.DropWatches();
        output.WriteLine($"scale {scale.Name}: {members.Count} Rollouts, lease timing {(scale.LeaseTiming is null ? "default" : string.Join(' ', scale.LeaseFlags))}; partitioned leader {leader} at {clock.Elapsed.TotalSeconds:0.0}s for {scale.Partition.TotalSeconds:0}s");

        await OperatorCluster.EventuallyAsync(() => ReadLeaseAsync(fleet), l => l.Spec.HolderIdentity == standby, TimeSpan.FromSeconds(60), "the standby takes the lease");
        var takeOver = DateTimeOffset.UtcNow - cut;
        var rest = cut + scale.Partition - DateTimeOffset.UtcNow;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest);
        }

        // The partition lasts until the old leader has exited (bounded): on a loaded machine a process can take a
        // while to die, and healing before it did would only let the assertions below say less.
        await WaitForExitAsync(leaderProcess, TimeSpan.FromSeconds(30));
        fleet.Emulator.Faults.Clear();
        var exitedDuringPartition = leaderProcess.HasExited;
        // Held requests of a process still alive would be answered now: give them the time to land in the log.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var restarted = fleet.StartCandidate(leader!, scale.LeaseFlags);
        await fleet.WaitConvergedAsync(TimeSpan.FromMinutes(scale.Name == "full" ? 10 : 3));

        var writes = fleet.Emulator.Requests.Writes().Where(w => w.StatusCode < 300).ToList();
        var old = writes.Where(w => From(w.UserAgent, leader)).ToList();
        var lastRenewal = old.Where(IsLease).Max(w => w.Time);
        // Over the whole run: a held write of the old process answered after the partition healed would count here.
        var lastWrite = old.Max(w => w.Time);
        var acquired = writes.Where(w => From(w.UserAgent, standby) && IsLease(w) && w.Time > cut).Min(w => w.Time);
        output.WriteLine($"standby {standby} took over {takeOver.TotalSeconds:0.00}s after the cut; old leader: last renewal {Offset(lastRenewal, cut)}, last write {Offset(lastWrite, cut)}, exited during the partition: {exitedDuringPartition}; standby acquired at {Offset(acquired, cut)}");

        Assert.True(takeOver <= TimeSpan.FromSeconds(15), $"the standby took over {takeOver.TotalSeconds:0.00}s after the leader was cut off");
        Assert.True(lastWrite < lastRenewal + scale.LeaseDuration, "the old leader wrote after its lease could have expired");
        Assert.True(lastWrite < acquired, $"the old leader wrote at {Offset(lastWrite, cut)}, after the standby acquired the lease at {Offset(acquired, cut)}");
        Assert.True(exitedDuringPartition, "a leader that lost its lease exits (the process is restarted as a standby)");
        Assert.DoesNotContain(writes, w => From(w.UserAgent, leader) && w.Time >= acquired && !IsLease(w));
        Assert.False(restarted.HasExited, restarted.Log);
        Assert.Equal(standby, (await ReadLeaseAsync(fleet)).Spec.HolderIdentity);
    }

    private static async Task WaitForExitAsync(OperatorProcess process, TimeSpan timeout)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (!process.HasExited && DateTimeOffset.UtcNow < until)
        {
            await Task.Delay(100);
        }
    }

    private static bool From(string? userAgent, string? pod) => userAgent?.Contains($"({pod})", StringComparison.Ordinal) == true;

    private static bool IsLease(RequestRecord r) => r.Request.Resource == "leases";

    private static string Offset(DateTimeOffset at, DateTimeOffset cut) => $"{(at - cut).TotalSeconds:+0.00;-0.00}s";

    private static Task<k8s.Models.V1Lease> ReadLeaseAsync(ChaosFleet fleet) =>
        fleet.Cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync(Lease, fleet.Cluster.Namespace, cancellationToken: OperatorCluster.Ct);
}
