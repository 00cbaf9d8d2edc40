using System.Collections.Concurrent;
using RolloutOperator.Runtime.Controllers;

namespace RolloutOperator.Runtime.Tests.Controllers;

public sealed class ControllerPriorityTests
{
    [Fact]
    public async Task Reconcile_KeyFromPriorityLane_SeesPriorityOnItsFlowOnly()
    {
        var seen = new ConcurrentDictionary<string, bool>();
        var reconciler = new ScriptedReconciler(async (key, _, ct) =>
        {
            await Task.Yield();
            seen[key] = ReconcilePriority.IsPriority;
            return ReconcileResult.Done;
        });
        await using var harness = new ControllerHarness(reconciler, workers: 1);

        harness.Queue.AddPriority("urgent");
        await Eventually.TrueAsync(() => seen.ContainsKey("urgent"));
        harness.Queue.Add("routine");
        await Eventually.TrueAsync(() => seen.ContainsKey("routine"));

        Assert.True(seen["urgent"]);
        Assert.False(seen["routine"]);
        Assert.False(ReconcilePriority.IsPriority);
    }
}
