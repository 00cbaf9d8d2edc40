using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace RolloutOperator.ScaleBench;

/// <summary>A Prometheus HTTP API that answers every instant query with 1 and records when each query text arrived.</summary>
internal sealed class StubPrometheus : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(DateTimeOffset Time, string Query)> _queries = new();

    private StubPrometheus(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<(DateTimeOffset Time, string Query)> Queries => _queries.ToList();

    public static async Task<StubPrometheus> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var stub = new StubPrometheus(app);
        app.Run(stub.HandleAsync);
        await app.StartAsync(ct);
        stub.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return stub;
    }

    private async Task HandleAsync(HttpContext http)
    {
        string query = http.Request.Query["query"].ToString();
        if (query.Length == 0 && http.Request.HasFormContentType)
        {
            query = (await http.Request.ReadFormAsync(http.RequestAborted))["query"].ToString();
        }

        var now = TimeProvider.System.GetUtcNow();
        _queries.Enqueue((now, query));
        var seconds = (now.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(
            $$$"""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[{{{seconds}}},"1"]}]}}""",
            http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
