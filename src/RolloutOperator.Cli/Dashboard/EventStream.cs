using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>
/// Server-sent events: the page's live fragment, re-rendered from the watch cache whenever a watch event arrives (and
/// on a slow tick so "running for" times move), sent only when it changed. Nothing here calls the API server.
/// </summary>
internal static class EventStream
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(100);

    public static async Task RunAsync(HttpContext http, ChangeFeed feed, TimeProvider time, Func<string?> render, CancellationToken stopping)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        var ct = stop.Token;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        string? last = null;
        try
        {
            await http.Response.WriteAsync("retry: 2000\n\n", ct).ConfigureAwait(false);
            while (!ct.IsCancellationRequested)
            {
                var version = feed.Version;
                var html = render();
                if (html is null)
                {
                    await http.Response.WriteAsync("event: gone\ndata: gone\n\n", ct).ConfigureAwait(false);
                    return;
                }

                await (html == last ? http.Response.WriteAsync(": tick\n\n", ct) : Send(http, html, ct)).ConfigureAwait(false);
                await http.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                last = html;
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    // The loser of the race is cancelled, so no timer or waiter outlives its turn.
                    await Task.WhenAny(feed.WaitAsync(version, wait.Token), Task.Delay(Tick, time, wait.Token)).ConfigureAwait(false);
                    await wait.CancelAsync().ConfigureAwait(false);
                }

                await Task.Delay(Coalesce, time, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page went away or the dashboard stops.
        }
    }

    private static Task Send(HttpContext http, string html, CancellationToken ct)
    {
        // One "data:" line per line of HTML; the browser joins them with newlines.
        var lines = html.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => "data: " + l);
        return http.Response.WriteAsync("event: update\n" + string.Join('\n', lines) + "\n\n", ct);
    }
}
