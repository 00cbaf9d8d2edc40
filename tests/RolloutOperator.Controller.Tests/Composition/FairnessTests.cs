using System.Text.Json.Nodes;
using RolloutOperator.Controller.Reconciliation;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Tests.Composition;

/// <summary>A new revision does not wait behind routine work: its first actions go before a backlog of busy Rollouts.</summary>
public sealed class FairnessTests
{
    private const int Busy = 60;

    [Fact]
    public async Task NewRevision_BehindBacklogOfBusyRollouts_GetsItsRevisionDeploymentFirst()
    {
        await using var harness = await RuntimeHarness.StartAsync(TimeProvider.System, workers: 1);
        for (var i = 0; i < Busy; i++)
        {
            await harness.CreateRolloutAsync($"busy-{i}", "web:1");
        }

        await harness.CreateRolloutAsync("target", "web:1");
        harness.Run();
        await harness.WaitForAllAsync("Healthy", TimeSpan.FromSeconds(60));
        await WaitAsync(() => harness.QueueDepth() == 0);

        // Routine work: every busy Rollout gets an unreadable command, which its reconcile reports with an Event. The
        // first of those Events is held, so the one worker stays busy while the backlog builds up behind it.
        harness.Emulator.Faults.Hold(r => r.Resource == "events" && r.IsWrite);
        for (var i = 0; i < Busy; i++)
        {
            await harness.PatchRolloutAsync($"busy-{i}", Annotation(RolloutApi.CommandAnnotation, $"not a command {i}"));
        }

        await WaitAsync(() => harness.QueueDepth() == Busy - 1);
        await harness.PatchRolloutAsync("target", """{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"web:2"}]}}}}""");
        await WaitAsync(() => harness.QueueDepth() == Busy);
        var released = harness.Emulator.Requests.Count;
        harness.Emulator.Faults.Clear();

        static bool IsNewRevision(ApiEmulator.Http.RequestRecord r) =>
            r.IsWrite && r.Request.Resource == "deployments" && r.Request.Name?.StartsWith("target-", StringComparison.Ordinal) == true;
        await WaitAsync(() => harness.Emulator.Requests.All().Skip(released).Any(IsNewRevision));
        var after = harness.Emulator.Requests.All().Skip(released).ToList();
        var revision = after.FindIndex(IsNewRevision);
        var routineBefore = after.Take(revision).Count(r => r.IsWrite && r.Request.Resource == "events");

        // Only the reconcile that was already running (its held Event) may finish first.
        Assert.InRange(routineBefore, 0, 1);
    }

    private static string Annotation(string key, string value) =>
        new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [key] = value } } }.ToJsonString();

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in 30 s");
            await Task.Delay(20);
        }
    }
}
