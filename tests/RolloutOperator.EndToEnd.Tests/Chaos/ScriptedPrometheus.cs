using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace RolloutOperator.EndToEnd.Tests.Chaos;

/// <summary>
/// A Prometheus HTTP API on loopback whose answers are scripted per address: the first path segment names the
/// behaviour (<c>http://127.0.0.1:PORT/garbage/</c>), so each behaviour is its own provider address with its own circuit
/// breaker in the operator. A query naming a Rollout that ends in <c>-bad</c> gets a failing value.
/// </summary>
internal sealed class ScriptedPrometheus : IAsyncDisposable
{
    public const double GoodValue = 0.999;
    public const double BadValue = 0.5;

    private readonly WebApplication _app;

    private ScriptedPrometheus(WebApplication app) => _app = app;

    public Uri Root { get; private set; } = null!;

    /// <summary>How long a <c>slow</c> answer takes, and how long a <c>hang</c> answer takes (longer than any timeout).</summary>
    public TimeSpan SlowDelay { get; init; } = TimeSpan.FromSeconds(1.6);

    public TimeSpan HangDelay { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>Every query received: behaviour, time, rendered PromQL.</summary>
    public ConcurrentQueue<(string Behaviour, DateTimeOffset At, string Query)> Queries { get; } = new();

    public static async Task<ScriptedPrometheus> StartAsync(TimeSpan? slowDelay = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var prometheus = new ScriptedPrometheus(app) { SlowDelay = slowDelay ?? TimeSpan.FromSeconds(1.6) };
        app.Run(prometheus.HandleAsync);
        await app.StartAsync();
        prometheus.Root = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return prometheus;
    }

    /// <summary>The provider address of one behaviour: ok, slow, hang, garbage, nan or empty.</summary>
    public Uri Address(string behaviour) => new(Root, behaviour + "/");

    public int QueriesFor(string behaviour, string rollout) =>
        Queries.Count(q => q.Behaviour == behaviour && q.Query.Contains($"\"{rollout}\"", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        var query = form?["query"].ToString() ?? context.Request.Query["query"].ToString();
        var behaviour = (context.Request.Path.Value ?? "/").Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "ok";
        Queries.Enqueue((behaviour, DateTimeOffset.UtcNow, query));
        var value = query.Contains("-bad\"", StringComparison.Ordinal) ? BadValue : GoodValue;
        switch (behaviour)
        {
            case "slow":
                await DelayAsync(SlowDelay, context.RequestAborted);
                await VectorAsync(context, value.ToString("R", CultureInfo.InvariantCulture));
                return;
            case "hang":
                await DelayAsync(HangDelay, context.RequestAborted);
                await VectorAsync(context, value.ToString("R", CultureInfo.InvariantCulture));
                return;
            case "garbage":
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[17", context.RequestAborted);
                return;
            case "nan":
                await VectorAsync(context, "NaN");
                return;
            case "empty":
                await WriteAsync(context, new { status = "success", data = new { resultType = "vector", result = Array.Empty<object>() } });
                return;
            default:
                await VectorAsync(context, value.ToString("R", CultureInfo.InvariantCulture));
                return;
        }
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct);
        }
        catch (OperationCanceledException)
        {
            // The operator gave up (its timeout): nothing left to answer.
        }
    }

    private static Task VectorAsync(HttpContext context, string value)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        var series = new { metric = new { __name__ = "chaos_success_ratio" }, value = new object[] { now, value } };
        return WriteAsync(context, new { status = "success", data = new { resultType = "vector", result = new[] { series } } });
    }

    private static async Task WriteAsync(HttpContext context, object body)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }
}
