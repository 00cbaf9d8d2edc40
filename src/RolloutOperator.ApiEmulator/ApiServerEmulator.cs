using System.Net;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.ApiEmulator.Api;
using RolloutOperator.ApiEmulator.Http;
using RolloutOperator.ApiEmulator.Lifecycle;
using RolloutOperator.ApiEmulator.Resources;
using RolloutOperator.ApiEmulator.Storage;

namespace RolloutOperator.ApiEmulator;

/// <summary>An in-process Kubernetes API server over plain HTTP on 127.0.0.1 (dynamic port).</summary>
public sealed partial class ApiServerEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ResourceApi _api;
    private readonly ObjectStore _store;
    private readonly CancellationTokenSource _shutdown;

    private ApiServerEmulator(WebApplication app, ResourceApi api, ObjectStore store, CancellationTokenSource shutdown, Uri baseAddress, EmulatorFaults faults, RequestLog requests, DeploymentSimulator deployments)
    {
        _app = app;
        _api = api;
        _store = store;
        _shutdown = shutdown;
        BaseAddress = baseAddress;
        Faults = faults;
        Requests = requests;
        Deployments = deployments;
    }

    public Uri BaseAddress { get; }

    public EmulatorFaults Faults { get; }

    public RequestLog Requests { get; }

    public DeploymentSimulator Deployments { get; }

    public static async Task<ApiServerEmulator> StartAsync(EmulatorOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var store = new ObjectStore(options.WatchHistoryCapacity);
        var context = new ApiContext(store, new ResourceRegistry(), options.Time);
        var followUps = new FollowUps(store, loggerFactory.CreateLogger<ApiServerEmulator>());
        var api = new ResourceApi(context, followUps);
        var deployments = new DeploymentSimulator(api, options.DefaultReadyDelay);
        followUps.Add(new CrdController(api));
        followUps.Add(new NamespaceController(api));
        followUps.Add(new GarbageCollector(api));
        followUps.Add(deployments);
        Bootstrap.Seed(api);

        var shutdown = new CancellationTokenSource();
        var faults = new EmulatorFaults(store, options.Time);
        var requests = new RequestLog();
        var handler = new ApiHandler(api, new WatchStreamer(store, options.Time, options.DefaultWatchTimeout, options.BookmarkInterval), faults, requests, shutdown.Token);
        var app = Build(loggerFactory, handler);
        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ApiServerEmulator(app, api, store, shutdown, new Uri(address.TrimEnd('/') + "/"), faults, requests, deployments);
    }

    public KubernetesClientConfiguration CreateClientConfiguration() => new() { Host = BaseAddress.ToString() };

    public void WriteKubeconfig(string path) => File.WriteAllText(path, Kubeconfig.Render(BaseAddress));

    public Task InstallCustomResourceDefinitionsAsync(string yamlFileOrDirectory, CancellationToken ct) =>
        CrdInstaller.InstallAsync(_api, yamlFileOrDirectory, ct);

    public async ValueTask DisposeAsync()
    {
        Deployments.Dispose();
        await _shutdown.CancelAsync().ConfigureAwait(false);
        _store.DropAllWatchers();
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _shutdown.Dispose();
    }

    private static WebApplication Build(ILoggerFactory loggerFactory, ApiHandler handler)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddLogging();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(handler.HandleAsync);
        return app;
    }
}
