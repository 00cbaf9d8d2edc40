using k8s;
using k8s.Models;
using static RolloutOperator.ApiEmulator.Tests.EmulatorHarness;

namespace RolloutOperator.ApiEmulator.Tests;

public sealed class WatchTests
{
    private static async Task<List<(WatchEventType Type, V1ConfigMap Object)>> CollectAsync(
        EmulatorHarness h, string? rv, int count, string? labelSelector = null, int? timeoutSeconds = null, bool bookmarks = false, List<Exception>? errors = null)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var events = new List<(WatchEventType, V1ConfigMap)>();
        var stream = h.Client.CoreV1.WatchListNamespacedConfigMapAsync(
            "default", allowWatchBookmarks: bookmarks, labelSelector: labelSelector, resourceVersion: rv, timeoutSeconds: timeoutSeconds, onError: e => errors?.Add(e), cancellationToken: cts.Token);
        await foreach (var (type, obj) in stream)
        {
            events.Add((type, obj));
            if (events.Count == count)
            {
                break;
            }
        }

        return events;
    }

    [Fact]
    public async Task Watch_FromResourceVersion_ReplaysLaterEventsInOrder()
    {
        await using var h = await StartAsync();
        var a = await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default", cancellationToken: Ct);
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("b"), "default", cancellationToken: Ct);
        a.Data["key"] = "2";
        await h.Client.CoreV1.ReplaceNamespacedConfigMapAsync(a, "a", "default", cancellationToken: Ct);
        await h.Client.CoreV1.DeleteNamespacedConfigMapAsync("b", "default", cancellationToken: Ct);

        var events = await CollectAsync(h, a.Metadata.ResourceVersion, 3);

        Assert.Equal(
            [(WatchEventType.Added, "b"), (WatchEventType.Modified, "a"), (WatchEventType.Deleted, "b")],
            events.Select(e => (e.Type, e.Object.Metadata.Name)));
    }

    [Fact]
    public async Task Watch_WithoutResourceVersion_StartsWithSyntheticAdds()
    {
        await using var h = await StartAsync();
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default", cancellationToken: Ct);

        var events = await CollectAsync(h, null, 1);

        Assert.Equal((WatchEventType.Added, "a"), (events[0].Type, events[0].Object.Metadata.Name));
    }

    [Fact]
    public async Task Watch_ExpiredHistory_DeliversGone410ThroughOnError()
    {
        await using var h = await StartAsync();
        var a = await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default", cancellationToken: Ct);
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("b"), "default", cancellationToken: Ct);
        h.Emulator.Faults.ExpireWatchHistory();
        var errors = new List<Exception>();

        var events = await CollectAsync(h, a.Metadata.ResourceVersion, 10, errors: errors);

        Assert.Empty(events);
        var error = Assert.IsType<KubernetesException>(Assert.Single(errors));
        Assert.Equal(410, error.Status.Code);
        Assert.Equal("Expired", error.Status.Reason);
    }

    [Fact]
    public async Task Watch_HistoryCapacityExceeded_Gets410()
    {
        await using var h = await StartAsync(new EmulatorOptions { WatchHistoryCapacity = 2 });
        var a = await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default", cancellationToken: Ct);
        for (var i = 0; i < 3; i++)
        {
            await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap($"x{i}"), "default", cancellationToken: Ct);
        }

        var errors = new List<Exception>();
        await CollectAsync(h, a.Metadata.ResourceVersion, 10, errors: errors);

        Assert.Equal(410, Assert.IsType<KubernetesException>(Assert.Single(errors)).Status.Code);
    }

    [Fact]
    public async Task Watch_Bookmarks_CarryOnlyResourceVersion()
    {
        await using var h = await StartAsync(new EmulatorOptions { BookmarkInterval = TimeSpan.FromMilliseconds(50) });
        var a = await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default", cancellationToken: Ct);

        var events = await CollectAsync(h, a.Metadata.ResourceVersion, 1, bookmarks: true);

        Assert.Equal(WatchEventType.Bookmark, events[0].Type);
        Assert.Equal(a.Metadata.ResourceVersion, events[0].Object.Metadata.ResourceVersion);
        Assert.Null(events[0].Object.Metadata.Name);
    }

    [Fact]
    public async Task Watch_TimeoutSeconds_ClosesStream()
    {
        await using var h = await StartAsync();
        var list = await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: Ct);
        // KubernetesClient needs a first line before the stream may end (as with a real server).
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default", cancellationToken: Ct);
        var started = System.Diagnostics.Stopwatch.StartNew();

        var events = await CollectAsync(h, list.Metadata.ResourceVersion, 10, timeoutSeconds: 1);

        Assert.Single(events);
        Assert.InRange(started.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Watch_ObjectStopsMatchingSelector_IsDeletedForWatcher()
    {
        await using var h = await StartAsync();
        var a = await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a", new Dictionary<string, string> { ["sel"] = "yes" }), "default", cancellationToken: Ct);
        a.Metadata.Labels["sel"] = "no";
        await h.Client.CoreV1.ReplaceNamespacedConfigMapAsync(a, "a", "default", cancellationToken: Ct);

        var events = await CollectAsync(h, "1", 2, labelSelector: "sel=yes");

        Assert.Equal([WatchEventType.Added, WatchEventType.Deleted], events.Select(e => e.Type));
    }

    [Fact]
    public async Task DropWatches_OpenStream_EndsNormally()
    {
        await using var h = await StartAsync();
        var list = await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: Ct);
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default", cancellationToken: Ct);
        var watch = CollectAsync(h, list.Metadata.ResourceVersion, 10);
        await WaitForWatchAsync(h);

        h.Emulator.Faults.DropWatches();

        Assert.Single(await watch.WaitAsync(TimeSpan.FromSeconds(5), Ct));
    }

    [Fact]
    public async Task Watch_LiveChange_IsDelivered()
    {
        await using var h = await StartAsync();
        var list = await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: Ct);
        var watch = CollectAsync(h, list.Metadata.ResourceVersion, 1);
        await WaitForWatchAsync(h);

        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("live"), "default", cancellationToken: Ct);

        var events = await watch.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal("live", events[0].Object.Metadata.Name);
    }

    internal static async Task WaitForWatchAsync(EmulatorHarness h)
    {
        for (var i = 0; i < 200 && h.Emulator.Requests.Where(r => r.Verb == "watch").Count == 0; i++)
        {
            await Task.Delay(10, Ct);
        }

        await Task.Delay(50, Ct);
    }
}
