using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RolloutOperator.Cli.Kube;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>
/// The dashboard: Kestrel on 127.0.0.1 only, pages rendered from the watch cache, live updates over server-sent events,
/// actions through the CLI's command code. No new in-cluster component: it runs with the user's own kubeconfig.
/// </summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stop;
    private readonly Task _watching;

    private DashboardServer(WebApplication app, CancellationTokenSource stop, Task watching, Uri address, string token)
    {
        _app = app;
        _stop = stop;
        _watching = watching;
        Address = address;
        Token = token;
    }

    public Uri Address { get; }

    /// <summary>The per-process anti-forgery token (tests use it to tell "refused for the token" from "refused for the origin").</summary>
    public string Token { get; }

    public static async Task<DashboardServer> StartAsync(DashboardSettings settings, CancellationToken cancellationToken)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var cache = new ClusterCache(settings.Client, settings.Namespace, settings.Time);
        var watching = await cache.StartAsync(stop.Token).ConfigureAwait(false);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, settings.Port);
            o.Limits.MaxRequestBodySize = PlanPage.MaxManifestBytes * 2;
            o.AddServerHeader = false;
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var token = RequestGuard.NewToken();
        var handlers = new DashboardHandlers(cache, new RequestGuard(token), new ActionRunner(new RolloutClient(settings.Client), cache, settings.Time), settings.Time, stop.Token);
        app.Use(handlers.Guard);
        app.UseRouting();
        handlers.Map(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        handlers.Port = address.Port;
        return new DashboardServer(app, stop, watching, address, token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _watching.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        _stop.Dispose();
    }
}
