using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace RolloutOperator.Testing;

/// <summary>
/// An in-process HTTP endpoint on 127.0.0.1 with a dynamic port that records every request and answers from a
/// function of the path (default 200). For webhook gates, web metrics and notification sinks. Included explicitly by the
/// test projects that reference ASP.NET Core.
/// </summary>
internal sealed class HttpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HttpReceiver(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>The answer for a request path; read on every request, so a test can flip it.</summary>
    public Func<string, ReceiverAnswer> Answer { get; set; } = _ => new ReceiverAnswer(200);

    public static async Task<HttpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new HttpReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return receiver;
    }

    public Uri Url(string path) => new(Address, path.TrimStart('/'));

    public IReadOnlyList<ReceivedRequest> To(string path) => Requests.Where(r => r.Path == "/" + path.TrimStart('/')).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var path = context.Request.Path.Value ?? "";
        Requests.Enqueue(new ReceivedRequest(
            context.Request.Method,
            path,
            body,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        var answer = Answer(path);
        if (answer.Delay > TimeSpan.Zero)
        {
            await Task.Delay(answer.Delay, context.RequestAborted);
        }

        context.Response.StatusCode = answer.Status;
        if (answer.Location is { } location)
        {
            context.Response.Headers.Location = location;
        }

        await context.Response.WriteAsync(answer.Body, context.RequestAborted);
    }
}
