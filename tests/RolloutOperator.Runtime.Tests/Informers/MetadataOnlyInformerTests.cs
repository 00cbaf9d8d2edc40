using k8s;
using k8s.Models;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Runtime.Tests.Informers;

/// <summary>
/// A metadata-only informer asks the server for PartialObjectMetadata: the cache knows each object's key and version,
/// and follows creates, updates and deletes, but never holds a field outside metadata.
/// </summary>
public sealed class MetadataOnlyInformerTests
{
    private static readonly ApiResource ConfigMaps = new(string.Empty, "v1", "configmaps");

    [Fact]
    public async Task MetadataOnly_ListAndWatch_CacheFollowsObjectsWithoutTheirData()
    {
        await using var fx = await EmulatorFixture.StartAsync("ns1");
        await fx.CreateConfigMapAsync("ns1", "listed");
        var handler = new RecordingHandler<V1ConfigMap>();
        var informer = fx.StartMetadataOnlyInformer(ConfigMaps, handler);
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        var watched = await fx.CreateConfigMapAsync("ns1", "watched");
        await Eventually.TrueAsync(() => informer.Cache.Find("ns1", "watched") is not null);
        watched.Data["v"] = "2";
        var updated = await fx.Writer.CoreV1.ReplaceNamespacedConfigMapAsync(watched, "watched", "ns1");
        await Eventually.TrueAsync(() => informer.Cache.Find("ns1", "watched")?.Metadata.ResourceVersion == updated.Metadata.ResourceVersion);

        Assert.All(informer.Cache.List("ns1"), c => Assert.Null(c.Data));
        Assert.Equal(["listed", "watched"], informer.Cache.List("ns1").Select(c => c.Metadata.Name).Order());
        Assert.False(string.IsNullOrEmpty(informer.Cache.Find("ns1", "listed")!.Metadata.Uid));
        await fx.Writer.CoreV1.DeleteNamespacedConfigMapAsync("watched", "ns1");
        await Eventually.TrueAsync(() => handler.Of("watched") == "delete" && informer.Cache.Find("ns1", "watched") is null);
    }
}
