using System.Diagnostics;
using k8s;
using k8s.Models;
using RolloutOperator.ApiEmulator;
using RolloutOperator.ApiEmulator.Http;
using Xunit.Abstractions;

namespace RolloutOperator.EndToEnd.Tests.Chaos;

/// <summary>
/// Issue 16 §4, second bullet: the same fleet (same seed) twice in one test, first fault-free, then with 5% each of
/// 409, 429 (Retry-After) and 500 on the operator's writes, every watch dropped every 5 s and the watch history expired
/// once (every informer relists after a 410). The faulty run must converge within twice the fault-free time.
/// </summary>
[Trait("Category", "Chaos")]
[Collection("Chaos")]
public sealed class ApiFaultChaosTests(ITestOutputHelper output)
{
    private static readonly TimeSpan DropEvery = TimeSpan.FromSeconds(5);

    // The first drop (with the forced 410) comes early: a reduced run can converge before the first 5 s are up.
    private static readonly TimeSpan FirstDrop = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task WriteErrorsWatchDropsAndA410_ConvergeWithinTwiceTheFaultFreeTimeOfTheSameSeed()
    {
        var scale = ChaosScale.Current;
        var members = FleetManifests.Members(scale.Rollouts, scale.Seed);
        output.WriteLine($"scale {scale.Name}: {members.Count} Rollouts ({members.Count(m => m.Analysed)} analysed, {members.Count(m => m.Bad)} failing), seed {scale.Seed}");
        await using var prometheus = await ScriptedPrometheus.StartAsync();

        var faultFree = await RunAsync(members, prometheus, scale, faults: false);
        var faulty = await RunAsync(members, prometheus, scale, faults: true);

        var ratio = faulty.TotalSeconds / faultFree.TotalSeconds;
        output.WriteLine($"converged fault-free in {faultFree.TotalSeconds:0.0}s, with faults in {faulty.TotalSeconds:0.0}s: ratio {ratio:0.00}");
        Assert.True(ratio <= 2.0, $"with faults {faulty.TotalSeconds:0.0}s, fault-free {faultFree.TotalSeconds:0.0}s: ratio {ratio:0.00} > 2");
    }

    private async Task<TimeSpan> RunAsync(IReadOnlyList<FleetMember> members, ScriptedPrometheus prometheus, ChaosScale scale, bool faults)
    {
        await using var fleet = await ChaosFleet.DeployAsync(members, prometheus.Address("ok"));
        fleet.StartOperator();
        await fleet.WaitFirstRevisionAsync(TimeSpan.FromMinutes(3));
        var before = fleet.Emulator.Requests.Count;
        if (faults)
        {
            InjectWriteErrors(fleet.Emulator.Faults, scale.Seed);
        }

        using var stop = new CancellationTokenSource();
        var clock = await fleet.StartRolloutAsync();
        var chaos = faults ? DropWatchesAsync(fleet, clock, stop.Token) : Task.FromResult(0);
        await fleet.WaitConvergedAsync(TimeSpan.FromMinutes(scale.Name == "full" ? 15 : 4));
        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        var drops = await chaos;
        fleet.Emulator.Faults.Clear();
        Assert.False(fleet.Operator!.HasExited, fleet.Operator.Log);

        var served = fleet.Emulator.Requests.All().Skip(before).ToList();
        var injected = served.Where(r => r.StatusCode is 409 or 429 or 500).GroupBy(r => r.StatusCode).ToDictionary(g => g.Key, g => g.Count());
        var rolloutLists = served.Count(r => r.Verb == "list" && r.Request.Resource == "rollouts" && IsOperator(r.Request));
        output.WriteLine($"{(faults ? "with faults" : "fault-free")}: converged in {elapsed.TotalSeconds:0.0}s; {served.Count(r => r.IsWrite)} writes, " +
            $"injected 409×{injected.GetValueOrDefault(409)} 429×{injected.GetValueOrDefault(429)} 500×{injected.GetValueOrDefault(500)}, {drops} watch drops, {rolloutLists} Rollout relists");
        if (faults)
        {
            Assert.All(new[] { 409, 429, 500 }, code => Assert.True(injected.GetValueOrDefault(code) > 0, $"no {code} was injected"));
            Assert.True(rolloutLists > 0, "the forced 410 made the Rollout informer relist");
        }

        return elapsed;
    }

    /// <summary>5% each, on the operator's writes only (the test's own writes start the run and must not fail).</summary>
    private static void InjectWriteErrors(EmulatorFaults faults, int seed)
    {
        static bool OperatorWrite(ApiRequest r) => r.IsWrite && IsOperator(r);
        faults.InjectErrors(409, 0.05, OperatorWrite, seed);
        faults.InjectErrors(429, 0.05, OperatorWrite, seed + 1);
        faults.InjectErrors(500, 0.05, OperatorWrite, seed + 2);
    }

    private static bool IsOperator(ApiRequest r) => r.UserAgent?.StartsWith("rollout-operator/", StringComparison.Ordinal) == true;

    /// <summary>
    /// Drops every watch 1 s into the run and every 5 s after. The first time the history is expired first, past a change no informer of the
    /// operator watches (a ConfigMap), so every re-watch is older than the compaction and gets 410.
    /// </summary>
    private static async Task<int> DropWatchesAsync(ChaosFleet fleet, Stopwatch clock, CancellationToken ct)
    {
        var faults = fleet.Emulator.Faults;
        var drops = 0;
        try
        {
            while (true)
            {
                var next = FirstDrop + (DropEvery * drops) - clock.Elapsed;
                if (next > TimeSpan.Zero)
                {
                    await Task.Delay(next, ct);
                }

                if (drops == 0)
                {
                    var marker = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "chaos-compaction" } };
                    await fleet.Cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(marker, fleet.Cluster.Namespace, cancellationToken: ct);
                    faults.ExpireWatchHistory();
                }

                faults.DropWatches();
                drops++;
            }
        }
        catch (OperationCanceledException)
        {
            return drops;
        }
    }
}
