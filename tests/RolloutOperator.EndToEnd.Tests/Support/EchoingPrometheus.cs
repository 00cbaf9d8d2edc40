using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace RolloutOperator.EndToEnd.Tests.Support;

/// <summary>
/// A hostile or careless endpoint in front of Prometheus: every answer is an error that echoes the query and the
/// Authorization header back. Bearer requests get a Prometheus-style 400 JSON error; Basic requests a plain-text 502
/// page, as a proxy would send.
/// </summary>
internal sealed class EchoingPrometheus : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoingPrometheus(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>The Authorization header of every request, as received.</summary>
    public ConcurrentQueue<string> Authorizations { get; } = new();

    public static async Task<EchoingPrometheus> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var echo = new EchoingPrometheus(app);
        app.Run(echo.HandleAsync);
        await app.StartAsync();
        echo.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return echo;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : null;
        var query = form?["query"].ToString() ?? "";
        var authorization = context.Request.Headers.Authorization.ToString();
        Authorizations.Enqueue(authorization);
        if (authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 502;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync($"<html>bad gateway for {query} with Authorization: {authorization}</html>", context.RequestAborted);
            return;
        }

        context.Response.StatusCode = 400;
        context.Response.ContentType = "application/json";
        var error = new { status = "error", errorType = "bad_data", error = $"1:1: parse error: unexpected token in {query} (sent with {authorization})" };
        await context.Response.WriteAsync(JsonSerializer.Serialize(error), context.RequestAborted);
    }
}
