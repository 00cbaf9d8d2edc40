using System.Collections.Concurrent;
using System.Text;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Runtime.Tests.Informers;

/// <summary>
/// One object nested deeper than the client's decoder allows (64) must not stop the informer: it is reported and kept
/// out of the cache, and every other object is listed and watched as usual.
/// </summary>
public sealed class UndecodableObjectTests
{
    private static readonly ApiResource Widgets = new("test.io", "v1", "widgets");
    private static readonly TimeSpan SyncTimeout = TimeSpan.FromSeconds(10);

    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.test.io}
        spec:
          group: test.io
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec: {type: object, x-kubernetes-preserve-unknown-fields: true}
        """;

    [Fact]
    public async Task List_OneObjectTooDeepToDecode_SyncsWithTheOthersAndReportsIt()
    {
        await using var fx = await StartAsync();
        await CreateAsync(fx, "good", depth: 3);
        await CreateAsync(fx, "deep", depth: 100);
        await CreateAsync(fx, "other", depth: 3);
        var reported = new ConcurrentQueue<UndecodableObject>();

        var informer = Start(fx, reported);
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(SyncTimeout);

        Assert.Equal(["good", "other"], informer.Cache.List("ns1").Select(w => w.Metadata.Name).Order());
        var bad = Assert.Single(reported);
        Assert.Equal(new ObjectKey("ns1", "deep"), bad.Key);
        Assert.Equal(("test.io/v1", "Widget"), (bad.ApiVersion, bad.Kind));
        Assert.False(string.IsNullOrEmpty(bad.Uid));
        Assert.Contains("depth", bad.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Watch_ObjectBecomesTooDeep_LeavesTheCacheIsReportedAndLaterEventsStillArrive()
    {
        await using var fx = await StartAsync();
        await CreateAsync(fx, "good", depth: 3);
        var reported = new ConcurrentQueue<UndecodableObject>();
        var handler = new RecordingHandler<Widget>();
        var informer = Start(fx, reported, handler);
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(SyncTimeout);

        await CreateAsync(fx, "deep", depth: 100);
        await ReplaceSpecAsync(fx, "good", depth: 100);
        await CreateAsync(fx, "late", depth: 3);

        await Eventually.TrueAsync(() => informer.Cache.Find("ns1", "late") is not null, because: "events after the bad ones arrive");
        Assert.Null(informer.Cache.Find("ns1", "good"));
        Assert.Equal("delete", handler.Of("good"));
        Assert.Equal(["deep", "good"], reported.Select(r => r.Key.Name).Order());

        await ReplaceSpecAsync(fx, "good", depth: 3);
        await Eventually.TrueAsync(() => informer.Cache.Find("ns1", "good") is not null, because: "a fixed object comes back");
        using (var http = new HttpClient { BaseAddress = fx.Emulator.BaseAddress })
        {
            Assert.True((await http.DeleteAsync("apis/test.io/v1/namespaces/ns1/widgets/deep")).IsSuccessStatusCode);
        }

        await Eventually.TrueAsync(() => reported.Any(r => r.Key.Name == "deep" && r.Deleted), because: "the delete of an undecodable object is passed on");
    }

    private static async Task<EmulatorFixture> StartAsync()
    {
        var fx = await EmulatorFixture.StartAsync("ns1");
        var file = Path.Combine(Directory.CreateTempSubdirectory("widgets-").FullName, "crd.yaml");
        await File.WriteAllTextAsync(file, Crd);
        await fx.Emulator.InstallCustomResourceDefinitionsAsync(file, CancellationToken.None);
        return fx;
    }

    private static Informer<Widget> Start(EmulatorFixture fx, ConcurrentQueue<UndecodableObject> reported, RecordingHandler<Widget>? handler = null)
    {
        var informer = new Informer<Widget>(
            "widgets",
            ListWatchFactory.ForNamespaces<Widget>(fx.InformerClient, Widgets, ["ns1"]),
            EmulatorFixture.FastOptions(),
            TimeProvider.System,
            new RolloutOperator.Runtime.Metrics.RuntimeMetrics(fx.Registry),
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance,
            new Random(3));
        informer.AddHandler(handler ?? new RecordingHandler<Widget>());
        informer.AddUndecodableHandler(reported.Enqueue);
        fx.Run(informer);
        return informer;
    }

    /// <summary>Raw HTTP: the client itself refuses to serialize JSON deeper than 64 levels.</summary>
    private static async Task CreateAsync(EmulatorFixture fx, string name, int depth)
    {
        using var http = new HttpClient { BaseAddress = fx.Emulator.BaseAddress };
        var body = $$"""{"apiVersion":"test.io/v1","kind":"Widget","metadata":{"name":"{{name}}","namespace":"ns1"},"spec":{{Nested(depth)}}}""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await http.PostAsync("apis/test.io/v1/namespaces/ns1/widgets", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task ReplaceSpecAsync(EmulatorFixture fx, string name, int depth)
    {
        using var http = new HttpClient { BaseAddress = fx.Emulator.BaseAddress };
        using var content = new StringContent($$"""{"spec":{{Nested(depth)}}}""", Encoding.UTF8, "application/merge-patch+json");
        // Replace the whole spec: a merge patch of null first, then the new spec.
        using var clear = new StringContent("""{"spec":null}""", Encoding.UTF8, "application/merge-patch+json");
        Assert.True((await http.PatchAsync($"apis/test.io/v1/namespaces/ns1/widgets/{name}", clear)).IsSuccessStatusCode);
        var response = await http.PatchAsync($"apis/test.io/v1/namespaces/ns1/widgets/{name}", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Nested(int depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            text.Append("{\"a\":");
        }

        text.Append('1');
        text.Append('}', depth);
        return text.ToString();
    }
}
