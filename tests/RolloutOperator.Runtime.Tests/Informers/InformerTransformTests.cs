using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.Runtime.Informers;
using RolloutOperator.Runtime.Metrics;

namespace RolloutOperator.Runtime.Tests.Informers;

public sealed class InformerTransformTests
{
    private static readonly ApiResource ConfigMaps = new(string.Empty, "v1", "configmaps");
    private static readonly TimeSpan SyncTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task RunAsync_NoTransform_CachesManagedFieldsAsServed()
    {
        await using var fx = await EmulatorFixture.StartAsync("ns1");
        await fx.CreateConfigMapAsync("ns1", "listed");

        var informer = fx.StartInformer(ConfigMaps, new RecordingHandler<V1ConfigMap>());
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(SyncTimeout);

        Assert.NotEmpty(informer.Cache.Find("ns1", "listed")!.Metadata.ManagedFields ?? []);
    }

    [Fact]
    public async Task Transform_ListedWatchedAndDeletedObjects_CacheAndHandlersSeeOnlyTransformedObjects()
    {
        await using var fx = await EmulatorFixture.StartAsync("ns1");
        await fx.CreateConfigMapAsync("ns1", "listed");
        var seen = new ConcurrentQueue<(string Event, V1ConfigMap Object)>();
        var informer = NewInformer(fx);
        informer.AddTransform(WithoutManagedFields);
        informer.AddHandler(new InformerHandler<V1ConfigMap>
        {
            Added = c => seen.Enqueue(("add", c)),
            Updated = (_, c) => seen.Enqueue(("update", c)),
            Deleted = c => seen.Enqueue(("delete", c)),
        });
        fx.Run(informer);
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(SyncTimeout);

        var watched = await fx.CreateConfigMapAsync("ns1", "watched");
        watched.Data["v"] = "2";
        await fx.Writer.CoreV1.ReplaceNamespacedConfigMapAsync(watched, "watched", "ns1");
        await Eventually.TrueAsync(() => informer.Cache.Find("ns1", "watched")?.Data["v"] == "2");
        await fx.Writer.CoreV1.DeleteNamespacedConfigMapAsync("listed", "ns1");
        await Eventually.TrueAsync(() => seen.Any(s => s.Event == "delete"));

        Assert.All(informer.Cache.List("ns1").Concat(seen.Select(s => s.Object)), Transformed);
        Assert.Equal(
            ["add listed", "add watched", "delete listed", "update watched"],
            seen.Select(s => $"{s.Event} {s.Object.Metadata.Name}").Order());
    }

    [Fact]
    public async Task Transform_Throws_ObjectCachedUntransformed()
    {
        var listWatch = new ScriptedListWatch(TestObjects.ConfigMap("ns1", "a", "1"));
        var informer = new Informer<V1ConfigMap>("configmaps", [listWatch], EmulatorFixture.FastOptions(), TimeProvider.System, new RuntimeMetrics(Prometheus.Metrics.NewCustomRegistry()), NullLogger.Instance);
        informer.AddTransform(_ => throw new InvalidOperationException("broken transform"));
        using var stop = new CancellationTokenSource();
        var run = informer.RunAsync(stop.Token);

        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(SyncTimeout);

        Assert.NotNull(informer.Cache.Find("ns1", "a"));
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task AddTransform_AfterStart_Throws()
    {
        var informer = new Informer<V1ConfigMap>("configmaps", [new ScriptedListWatch()], EmulatorFixture.FastOptions(), TimeProvider.System, new RuntimeMetrics(Prometheus.Metrics.NewCustomRegistry()), NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var run = informer.RunAsync(stop.Token);

        Assert.Throws<InvalidOperationException>(() => informer.AddTransform(c => c));
        await stop.CancelAsync();
        await run;
    }

    private static Informer<V1ConfigMap> NewInformer(EmulatorFixture fx) => new(
        "configmaps",
        ListWatchFactory.ForNamespaces<V1ConfigMap>(fx.InformerClient, ConfigMaps, ["ns1"]),
        EmulatorFixture.FastOptions(),
        TimeProvider.System,
        new RuntimeMetrics(fx.Registry),
        NullLogger.Instance,
        new Random(3));

    // Builds the cached copy (never changes its input) and marks it, so the test can tell it went through the transform.
    private static V1ConfigMap WithoutManagedFields(V1ConfigMap configMap) => new()
    {
        ApiVersion = configMap.ApiVersion,
        Kind = configMap.Kind,
        Metadata = new V1ObjectMeta
        {
            Name = configMap.Metadata.Name,
            NamespaceProperty = configMap.Metadata.NamespaceProperty,
            ResourceVersion = configMap.Metadata.ResourceVersion,
            Uid = configMap.Metadata.Uid,
            Labels = new Dictionary<string, string>(configMap.Metadata.Labels ?? new Dictionary<string, string>()) { ["transformed"] = "yes" },
        },
        Data = configMap.Data,
    };

    private static void Transformed(V1ConfigMap configMap)
    {
        Assert.Null(configMap.Metadata.ManagedFields);
        Assert.Equal("yes", configMap.Metadata.Labels?["transformed"]);
    }
}
