using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;
using RolloutOperator.ApiEmulator;
using RolloutOperator.Runtime.Informers;
using RolloutOperator.Runtime.Metrics;

namespace RolloutOperator.Runtime.Tests.Informers;

/// <summary>An emulator plus a writer client and a gated client for the informer under test.</summary>
internal sealed class EmulatorFixture : IAsyncDisposable
{
    private readonly List<(CancellationTokenSource Stop, Task Run)> _running = [];

    private EmulatorFixture(ApiServerEmulator emulator)
    {
        Emulator = emulator;
        Writer = new Kubernetes(emulator.CreateClientConfiguration());
        InformerClient = new Kubernetes(emulator.CreateClientConfiguration(), Gate);
    }

    public ApiServerEmulator Emulator { get; }

    public IKubernetes Writer { get; }

    public WatchGateHandler Gate { get; } = new();

    public IKubernetes InformerClient { get; }

    public CollectorRegistry Registry { get; } = Prometheus.Metrics.NewCustomRegistry();

    public static async Task<EmulatorFixture> StartAsync(params string[] namespaces)
    {
        var emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var fixture = new EmulatorFixture(emulator);
        foreach (var ns in namespaces)
        {
            await fixture.Writer.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        }

        return fixture;
    }

    public static InformerOptions FastOptions(int pageSize = 500) => new()
    {
        PageSize = pageSize,
        MinWatchTimeout = TimeSpan.FromSeconds(20),
        MaxWatchTimeout = TimeSpan.FromSeconds(30),
        InitialRetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(200),
    };

    public Informer<T> StartInformer<T>(
        ApiResource resource, IInformerHandler<T> handler, InformerOptions? options = null, params string[] namespaces)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        Start(resource, handler, options, namespaces, metadataOnly: false);

    /// <summary>An informer whose list and watch ask for metadata only (PartialObjectMetadata).</summary>
    public Informer<T> StartMetadataOnlyInformer<T>(ApiResource resource, IInformerHandler<T> handler)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        Start(resource, handler, null, [], metadataOnly: true);

    private Informer<T> Start<T>(
        ApiResource resource, IInformerHandler<T> handler, InformerOptions? options, string[] namespaces, bool metadataOnly)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var informer = new Informer<T>(
            resource.Plural,
            ListWatchFactory.ForNamespaces<T>(InformerClient, resource, namespaces, metadataOnly: metadataOnly),
            options ?? FastOptions(),
            TimeProvider.System,
            new RuntimeMetrics(Registry),
            NullLogger.Instance,
            new Random(3));
        informer.AddHandler(handler);
        var stop = new CancellationTokenSource();
        _running.Add((stop, informer.RunAsync(stop.Token)));
        return informer;
    }

    /// <summary>Runs an informer built by the test until the fixture is disposed.</summary>
    public void Run<T>(Informer<T> informer)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var stop = new CancellationTokenSource();
        _running.Add((stop, informer.RunAsync(stop.Token)));
    }

    public Task<V1ConfigMap> CreateConfigMapAsync(string ns, string name, V1OwnerReference? owner = null) =>
        Writer.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap
            {
                Metadata = new V1ObjectMeta
                {
                    Name = name,
                    NamespaceProperty = ns,
                    OwnerReferences = owner is null ? null : [owner],
                },
                Data = new Dictionary<string, string> { ["v"] = "1" },
            },
            ns);

    public async Task<string> ScrapeAsync()
    {
        using var stream = new MemoryStream();
        await Registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (stop, run) in _running)
        {
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(5));
            stop.Dispose();
        }

        Gate.Resume();
        InformerClient.Dispose();
        Writer.Dispose();
        await Emulator.DisposeAsync();
    }
}
