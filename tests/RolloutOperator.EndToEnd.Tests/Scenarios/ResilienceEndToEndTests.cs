using k8s;
using RolloutOperator.Core.Api;
using RolloutOperator.EndToEnd.Tests.Support;
using static RolloutOperator.EndToEnd.Tests.Support.TestManifests;

namespace RolloutOperator.EndToEnd.Tests.Scenarios;

public sealed class ResilienceEndToEndTests
{
    private const string SixSteps = """
                - setWeight: 10
                - pause: {duration: 2s}
                - setWeight: 30
                - pause: {duration: 2s}
                - setWeight: 60
                - pause: {duration: 2s}
        """;

    [Fact]
    public async Task OperatorKilledMidRollout_NewProcessCompletes_NoStepRepeatedOrSkipped()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        await cluster.ApplyAsync(Services() + "\n---\n" + HttpRoute() + "\n---\n" + Canary(GatewayRouting, SixSteps));
        var first = cluster.StartOperatorProcess("operator-a", "--leader-elect", "false");
        var v1 = (await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Healthy, "first revision healthy")).Status!.StableRevision!;

        await cluster.SetImageAsync("web", "registry.example/web:2");
        await cluster.WaitForRolloutAsync("web", r => r.Status?.CurrentStepIndex >= 3, "half way");
        first.Kill();

        var second = cluster.StartOperatorProcess("operator-b", "--leader-elect", "false");
        var done = await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Healthy && r.Status.StableRevision != v1, "completion after restart", 90);
        Assert.False(second.HasExited, second.Log);

        // Every step completed exactly once: one StepCompleted event per step, never counted twice.
        var events = await cluster.Client.EventsV1.ListNamespacedEventAsync(cluster.Namespace, cancellationToken: OperatorCluster.Ct);
        var steps = events.Items.Where(e => e.Reason == "StepCompleted" && e.Note.Contains(done.Status!.StableRevision!, StringComparison.Ordinal)).ToList();
        for (var i = 1; i <= 6; i++)
        {
            var step = steps.Where(e => e.Note.Contains($"step {i}/6 ", StringComparison.Ordinal)).ToList();
            Assert.True(step.Count == 1, $"step {i}: {step.Count} events");
            Assert.True(step[0].Series is null || step[0].Series.Count <= 1, $"step {i} completed {step[0].Series?.Count} times");
        }
    }

    [Fact]
    public async Task WatchDropsExpiredHistoryAndInjectedErrors_RolloutStillCompletes()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        await cluster.ApplyAsync(Services() + "\n---\n" + HttpRoute() + "\n---\n" + Canary(GatewayRouting, SixSteps));
        await cluster.StartOperatorAsync();
        var v1 = (await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Healthy, "first revision healthy")).Status!.StableRevision!;

        await cluster.SetImageAsync("web", "registry.example/web:2");
        cluster.Emulator.Faults.InjectErrors(409, 0.05, r => r.IsWrite, seed: 7);
        cluster.Emulator.Faults.InjectErrors(500, 0.05, seed: 11);
        using var chaos = new CancellationTokenSource();
        var chaosLoop = Task.Run(async () =>
        {
            var round = 0;
            while (!chaos.IsCancellationRequested)
            {
                await Task.Delay(700, CancellationToken.None);
                if (++round % 3 == 0)
                {
                    cluster.Emulator.Faults.ExpireWatchHistory();
                }

                cluster.Emulator.Faults.DropWatches();
            }
        });

        try
        {
            await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Healthy && r.Status.StableRevision != v1, "completion under faults", 120);
        }
        finally
        {
            await chaos.CancelAsync();
            await chaosLoop;
            cluster.Emulator.Faults.Clear();
        }

        var stable = (await cluster.GetRolloutAsync("web")).Status!.StableRevision!;
        Assert.Equal(0, CanaryEndToEndTests.CanaryWeight(await cluster.GetObjectAsync("gateway.networking.k8s.io", "v1", "httproutes", "web")));
        Assert.Equal(4, (await cluster.FindDeploymentAsync($"web-{stable}"))!.Spec.Replicas);
        Assert.True(cluster.Emulator.Requests.Where(r => r.StatusCode is 409 or 500).Count > 0, "faults were injected");
    }

    [Fact]
    public async Task IdleHealthyRollout_MakesZeroWritesAcrossARelist()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        await cluster.ApplyAsync(Services() + "\n---\n" + HttpRoute() + "\n---\n" + Canary(GatewayRouting));
        await cluster.StartOperatorAsync();
        await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Healthy, "healthy");
        await Task.Delay(1500);
        var before = cluster.Emulator.Requests.Writes().Count;

        // A relist after an expired watch is what a periodic resync amounts to: everything is seen again.
        cluster.Emulator.Faults.ExpireWatchHistory();
        cluster.Emulator.Faults.DropWatches();
        await Task.Delay(4000);

        var writes = cluster.Emulator.Requests.Writes().Skip(before).ToList();
        Assert.True(writes.Count == 0, "writes: " + string.Join(", ", writes.Select(w => $"{w.Verb} {w.Path}")));
    }
}
