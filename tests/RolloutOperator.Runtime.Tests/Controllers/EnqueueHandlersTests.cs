using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using RolloutOperator.Runtime.Controllers;
using RolloutOperator.Runtime.Informers;
using RolloutOperator.Runtime.Metrics;
using RolloutOperator.Runtime.Queue;
using static RolloutOperator.Runtime.Tests.Informers.TestObjects;

namespace RolloutOperator.Runtime.Tests.Controllers;

public sealed class EnqueueHandlersTests : IDisposable
{
    private readonly WorkQueue<ObjectKey> _queue =
        new(new WorkQueueOptions(), new FakeTimeProvider(), RuntimeMetrics.CreateIsolated());

    public void Dispose() => _queue.Dispose();

    [Fact]
    public async Task ForObject_AnyEvent_EnqueuesOwnKey()
    {
        var handler = EnqueueHandlers.ForObject<V1ConfigMap>(_queue);

        handler.OnDelete(ConfigMap("ns", "a"));

        var item = await _queue.GetAsync(CancellationToken.None);
        Assert.Equal(new ObjectKey("ns", "a"), item?.Key);
    }

    [Fact]
    public async Task ForOwner_OwnerChangedOnUpdate_EnqueuesOldAndNewOwner()
    {
        var handler = EnqueueHandlers.ForOwner<V1ConfigMap>(_queue, owner => owner.Controller == true);

        handler.OnUpdate(ConfigMap("ns", "child", ownerUid: "1"), ConfigMap("ns", "child", ownerUid: "2"));

        Assert.Equal(2, _queue.Depth);
        var keys = new[] { (await _queue.GetAsync(CancellationToken.None))?.Key, (await _queue.GetAsync(CancellationToken.None))?.Key };
        Assert.Equal([new ObjectKey("ns", "owner-1"), new ObjectKey("ns", "owner-2")], keys);
    }

    [Fact]
    public void ForOwner_NoMatchingOwner_EnqueuesNothing()
    {
        var handler = EnqueueHandlers.ForOwner<V1ConfigMap>(_queue, owner => owner.Kind == "Rollout");

        handler.OnAdd(ConfigMap("ns", "child", ownerUid: "1"));

        Assert.Equal(0, _queue.Depth);
    }

    [Fact]
    public async Task ForObject_PriorityHintHoldsOnUpdate_KeyOvertakesRoutineBacklog()
    {
        var handler = EnqueueHandlers.ForObject<V1ConfigMap>(_queue, cm => cm.Data?.ContainsKey("changed") == true);
        for (var i = 0; i < 1000; i++)
        {
            handler.OnAdd(ConfigMap("ns", $"routine-{i}"));
        }

        var changed = ConfigMap("ns", "routine-500");
        changed.Data = new Dictionary<string, string> { ["changed"] = "yes" };
        handler.OnUpdate(ConfigMap("ns", "routine-500"), changed);

        var first = await _queue.GetAsync(CancellationToken.None);
        Assert.Equal(new WorkQueueItem<ObjectKey>(new ObjectKey("ns", "routine-500"), Priority: true), first);
        Assert.Equal(new ObjectKey("ns", "routine-0"), (await _queue.GetAsync(CancellationToken.None))?.Key);
        Assert.Equal(998, _queue.Depth);
    }
}
