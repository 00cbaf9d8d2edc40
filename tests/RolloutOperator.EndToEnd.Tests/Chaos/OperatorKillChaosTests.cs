using System.Globalization;
using k8s;
using RolloutOperator.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace RolloutOperator.EndToEnd.Tests.Chaos;

/// <summary>
/// Issue 16 §4, first bullet: a fleet progressing through canary steps (some analysed, some failing their analysis)
/// while the operator is killed with SIGKILL at seeded instants and restarted each time.
/// </summary>
[Trait("Category", "Chaos")]
[Collection("Chaos")]
public sealed class OperatorKillChaosTests(ITestOutputHelper output)
{
    [Fact]
    public async Task OperatorKilledAtSeededInstants_EveryRolloutConverges_NoStepSkippedOrRepeated()
    {
        var scale = ChaosScale.Current;
        var members = FleetManifests.Members(scale.Rollouts, scale.Seed);
        var instants = KillPlan.Instants(scale);
        output.WriteLine($"scale {scale.Name}: {members.Count} Rollouts ({members.Count(m => m.Analysed)} analysed, {members.Count(m => m.Bad)} failing), seed {scale.Seed}");
        output.WriteLine($"kill instants after the new revision: {KillPlan.Describe(instants)}");
        await using var prometheus = await ScriptedPrometheus.StartAsync();
        await using var fleet = await ChaosFleet.DeployAsync(members, prometheus.Address("ok"));
        fleet.StartOperator();
        await fleet.WaitFirstRevisionAsync(TimeSpan.FromMinutes(3));

        var clock = await fleet.StartRolloutAsync();
        foreach (var instant in instants)
        {
            var wait = instant - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            fleet.Operator!.Kill();
            output.WriteLine($"killed operator-{fleet.Restarts} at {clock.Elapsed.TotalSeconds:0.000}s; restarting");
            fleet.StartOperator();
        }

        var done = await fleet.WaitConvergedAsync(TimeSpan.FromMinutes(scale.Name == "full" ? 15 : 4));
        output.WriteLine($"converged at {clock.Elapsed.TotalSeconds:0.0}s after {fleet.Restarts} restarts");
        Assert.False(fleet.Operator!.HasExited, fleet.Operator.Log);

        var revisions = done.ToDictionary(r => r.Metadata.Name, r => r.Status!.CanaryRevision ?? r.Status.StableRevision!, StringComparer.Ordinal);
        var events = await fleet.Cluster.Client.EventsV1.ListNamespacedEventAsync(fleet.Cluster.Namespace, cancellationToken: OperatorCluster.Ct);
        var audit = StepAudit.Check(fleet, revisions, events.Items.ToList());
        output.WriteLine($"steps verified from the status history: {audit.StepsVerified} of {members.Sum(m => m.StepsToComplete)}; StepCompleted Events lost to a kill: {audit.EventsMissing}");
        Assert.True(audit.Violations.Count == 0, string.Join("\n", audit.Violations));
        Assert.Equal(members.Sum(m => m.StepsToComplete), audit.StepsVerified);
        Assert.Equal(scale.Kills, fleet.Restarts);
        Assert.All(done.Where(r => r.Metadata.Name.EndsWith("-bad", StringComparison.Ordinal)), r => Assert.Equal(fleet.V1(r.Metadata.Name), r.Status!.StableRevision));
        Assert.True(audit.EventsMissing <= scale.Kills * 4, string.Create(CultureInfo.InvariantCulture, $"{audit.EventsMissing} StepCompleted Events missing; a kill can only lose those of the reconciles in flight"));
    }
}
