using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace RolloutOperator.Cli.Tests.Dashboard;

/// <summary>A Prometheus instant-query endpoint that answers with the scripted values in turn (the last one repeats).</summary>
internal sealed class ScriptedPrometheus : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly double[] _values;
    private int _calls;

    private ScriptedPrometheus(WebApplication app, double[] values)
    {
        _app = app;
        _values = values;
    }

    public Uri Address { get; private set; } = null!;

    public static async Task<ScriptedPrometheus> StartAsync(params double[] values)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var prometheus = new ScriptedPrometheus(app, values);
        app.Run(prometheus.HandleAsync);
        await app.StartAsync();
        prometheus.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return prometheus;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Task HandleAsync(HttpContext context)
    {
        var value = _values[Math.Min(Interlocked.Increment(ref _calls) - 1, _values.Length - 1)];
        context.Response.ContentType = "application/json";
        var v = value.ToString(CultureInfo.InvariantCulture);
        return context.Response.WriteAsync(
            $"{{\"status\":\"success\",\"data\":{{\"resultType\":\"vector\",\"result\":[{{\"metric\":{{}},\"value\":[1700000000,\"{v}\"]}}]}}}}");
    }
}
