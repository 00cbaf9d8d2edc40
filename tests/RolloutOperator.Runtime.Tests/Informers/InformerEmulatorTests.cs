using k8s;
using k8s.Models;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Runtime.Tests.Informers;

public sealed class InformerEmulatorTests
{
    private static readonly ApiResource ConfigMaps = new(string.Empty, "v1", "configmaps");
    private static readonly TimeSpan SyncTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task RunAsync_ExistingObjects_InitialListFillsCacheAndRaisesAdds()
    {
        await using var fx = await EmulatorFixture.StartAsync("ns1");
        await fx.CreateConfigMapAsync("ns1", "a");
        await fx.CreateConfigMapAsync("ns1", "b");
        var handler = new RecordingHandler<V1ConfigMap>();

        var informer = fx.StartInformer(ConfigMaps, handler);
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(SyncTimeout);

        Assert.True(informer.HasSynced);
        Assert.Equal(["a", "b"], informer.Cache.List("ns1").Select(c => c.Metadata.Name).Order());
        Assert.Equal("add", handler.Of("a"));
        Assert.Equal("add", handler.Of("b"));
    }

    [Fact]
    public async Task Watch_CreateUpdateDelete_CacheFollowsAndHandlersNotified()
    {
        await using var fx = await EmulatorFixture.StartAsync("ns1");
        var handler = new RecordingHandler<V1ConfigMap>();
        var informer = fx.StartInformer(ConfigMaps, handler);
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(SyncTimeout);

        var created = await fx.CreateConfigMapAsync("ns1", "a");
        await Eventually.TrueAsync(() => handler.Of("a") == "add" && informer.Cache.Find("ns1", "a") is not null);

        created.Data["v"] = "2";
        await fx.Writer.CoreV1.ReplaceNamespacedConfigMapAsync(created, "a", "ns1");
        await Eventually.TrueAsync(() => handler.Of("a") == "update" && informer.Cache.Find("ns1", "a")?.Data["v"] == "2");

        await fx.Writer.CoreV1.DeleteNamespacedConfigMapAsync("a", "ns1");
        await Eventually.TrueAsync(() => handler.Of("a") == "delete" && informer.Cache.Find("ns1", "a") is null);
    }

    [Fact]
    public async Task List_MoreObjectsThanPageSize_PagesThroughAll()
    {
        await using var fx = await EmulatorFixture.StartAsync("ns1");
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            await fx.CreateConfigMapAsync("ns1", name);
        }

        var informer = fx.StartInformer(ConfigMaps, new RecordingHandler<V1ConfigMap>(), EmulatorFixture.FastOptions(pageSize: 2), "ns1");
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(SyncTimeout);

        Assert.Equal(5, informer.Cache.Count);
        Assert.Equal(3, fx.Gate.ListRequests);
    }

    [Fact]
    public async Task Watch_ExpiredWhileAway_RelistsAndSynthesisesDeleteForVanishedObjects()
    {
        await using var fx = await EmulatorFixture.StartAsync("ns1");
        await fx.CreateConfigMapAsync("ns1", "stays");
        await fx.CreateConfigMapAsync("ns1", "vanishes");
        var handler = new RecordingHandler<V1ConfigMap>();
        var informer = fx.StartInformer(ConfigMaps, handler, namespaces: "ns1");
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(SyncTimeout);
        await fx.CreateConfigMapAsync("ns1", "probe");
        await Eventually.TrueAsync(() => handler.Of("probe") == "add", because: "the watch is established");

        fx.Gate.Pause();
        fx.Emulator.Faults.DropWatches();
        await fx.Writer.CoreV1.DeleteNamespacedConfigMapAsync("vanishes", "ns1");
        await fx.CreateConfigMapAsync("ns1", "appears");
        fx.Emulator.Faults.ExpireWatchHistory();
        fx.Gate.Resume();

        await Eventually.TrueAsync(() => handler.Of("vanishes") == "delete" && handler.Of("appears") == "add");
        Assert.Equal(["appears", "probe", "stays"], informer.Cache.List().Select(c => c.Metadata.Name).Order());
        var scrape = await fx.ScrapeAsync();
        Assert.True(scrape.Contains("reason=\"Expired\"", StringComparison.Ordinal), scrape);
    }

    [Fact]
    public async Task Watch_DroppedByServer_ReconnectsAndSeesLaterChanges()
    {
        await using var fx = await EmulatorFixture.StartAsync("ns1");
        var handler = new RecordingHandler<V1ConfigMap>();
        var informer = fx.StartInformer(ConfigMaps, handler);
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(SyncTimeout);
        await fx.CreateConfigMapAsync("ns1", "before");
        await Eventually.TrueAsync(() => handler.Of("before") == "add");

        fx.Emulator.Faults.DropWatches();
        await fx.CreateConfigMapAsync("ns1", "after");

        await Eventually.TrueAsync(() => handler.Of("after") == "add");
        Assert.Equal(2, informer.Cache.Count);
    }

    [Fact]
    public async Task Cache_ChildrenWithControllerOwner_IndexedByOwnerUid()
    {
        await using var fx = await EmulatorFixture.StartAsync("ns1");
        var owner = await fx.CreateConfigMapAsync("ns1", "owner");
        var reference = new V1OwnerReference
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Name = "owner",
            Uid = owner.Metadata.Uid,
            Controller = true,
        };
        await fx.CreateConfigMapAsync("ns1", "child-1", reference);
        await fx.CreateConfigMapAsync("ns1", "child-2", reference);
        var informer = fx.StartInformer(ConfigMaps, new RecordingHandler<V1ConfigMap>());
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(SyncTimeout);

        var children = informer.Cache.ListByControllerUid(owner.Metadata.Uid);

        Assert.Equal(["child-1", "child-2"], children.Select(c => c.Metadata.Name).Order());
    }

    [Fact]
    public async Task RunAsync_SeveralNamespaces_OneSharedCacheScopedToThem()
    {
        await using var fx = await EmulatorFixture.StartAsync("ns1", "ns2", "ns3");
        await fx.CreateConfigMapAsync("ns1", "a");
        await fx.CreateConfigMapAsync("ns2", "b");
        await fx.CreateConfigMapAsync("ns3", "c");

        var informer = fx.StartInformer(ConfigMaps, new RecordingHandler<V1ConfigMap>(), namespaces: ["ns1", "ns2"]);
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(SyncTimeout);

        Assert.Equal(["a", "b"], informer.Cache.List().Select(c => c.Metadata.Name).Order());
    }

    [Fact]
    public async Task RunAsync_NonCoreGroup_ListsAndWatchesLeases()
    {
        await using var fx = await EmulatorFixture.StartAsync("ns1");
        var handler = new RecordingHandler<V1Lease>();
        var informer = fx.StartInformer(new ApiResource("coordination.k8s.io", "v1", "leases"), handler, namespaces: "ns1");
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(SyncTimeout);

        await fx.Writer.CoordinationV1.CreateNamespacedLeaseAsync(
            new V1Lease { Metadata = new V1ObjectMeta { Name = "l1", NamespaceProperty = "ns1" }, Spec = new V1LeaseSpec { HolderIdentity = "x" } },
            "ns1");

        await Eventually.TrueAsync(() => informer.Cache.Find("ns1", "l1")?.Spec.HolderIdentity == "x");
    }
}
