using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Model;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>The routes. Pages and streams read the watch cache only; POSTs pass the request guard first.</summary>
internal sealed partial class DashboardHandlers(ClusterCache cache, RequestGuard guard, ActionRunner actions, TimeProvider time, CancellationToken stopping)
{
    private const int MaxActionBody = 16 * 1024;

    public int Port { get; set; }

    public async Task Guard(HttpContext http, RequestDelegate next)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        // same-origin, not no-referrer: under no-referrer browsers send "Origin: null" with form posts, and the origin check needs the real one.
        headers["Referrer-Policy"] = "same-origin";
        headers.CacheControl = "no-store";
        if (!RequestGuard.HostAllowed(http.Request, Port))
        {
            await Text(http, StatusCodes.Status421MisdirectedRequest, "This dashboard answers only to 127.0.0.1 and localhost.").ConfigureAwait(false);
            return;
        }

        await next(http).ConfigureAwait(false);
    }

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (RequestDelegate)(http => Page(http, ListPage.Render(cache, ListFilter.From(http.Request.Query), guard.Token, time.GetUtcNow()))));
        app.MapGet("/assets/{file}", (RequestDelegate)Asset);
        app.MapGet("/rollouts/{ns}/{name}", (RequestDelegate)(http => WithRollout(http, r => Page(http, RolloutPage.Render(cache, r, guard.Token, Notice(http.Request.Query), time.GetUtcNow())))));
        app.MapGet("/rollouts/{ns}/{name}/analysis", (RequestDelegate)(http => WithRollout(http, r => Page(http, AnalysisPage.Render(cache, r, guard.Token)))));
        app.MapGet("/events/list", (RequestDelegate)(http =>
        {
            var filter = ListFilter.From(http.Request.Query);
            return EventStream.RunAsync(http, cache.Feed, time, () => ListPage.Fragment(cache, filter, time.GetUtcNow()), stopping);
        }));
        app.MapGet("/events/rollout/{ns}/{name}", (RequestDelegate)(http => EventStream.RunAsync(
            http, cache.Feed, time, () => Find(http) is { } r ? RolloutPage.Fragment(cache, r, guard.Token, time.GetUtcNow()) : null, stopping)));
        app.MapGet("/events/analysis/{ns}/{name}", (RequestDelegate)(http => EventStream.RunAsync(
            http, cache.Feed, time, () => Find(http) is { } r ? AnalysisPage.Fragment(cache, r) : null, stopping)));
        app.MapPost("/rollouts/{ns}/{name}/actions/{action}", (RequestDelegate)Act);
        app.MapGet("/plan", (RequestDelegate)(http => Page(http, PlanPage.Render(guard.Token, "", null))));
        app.MapPost("/plan", (RequestDelegate)Plan);
    }

    private async Task Act(HttpContext http)
    {
        var form = await ReadFormAsync(http, MaxActionBody, http.RequestAborted).ConfigureAwait(false);
        if (form is null || !await Allowed(http, form).ConfigureAwait(false))
        {
            return;
        }

        var action = DashboardAction.Find((string?)http.Request.RouteValues["action"] ?? "");
        var rollout = Find(http);
        if (action is null || rollout is null)
        {
            await Page(http, Layout.Page("Not found", guard.Token, "<h1>Not found</h1><p>No such Rollout or action.</p>"), StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        var revision = form["revision"].ToString();
        var back = Html.RolloutPath(rollout.Metadata.NamespaceProperty, rollout.Metadata.Name);
        if (form["confirmed"].ToString() != "yes")
        {
            // Without script there was no dialog: confirm on a page of its own, naming the revision.
            await Page(http, ConfirmPage.Render(guard.Token, action, rollout, revision, back)).ConfigureAwait(false);
            return;
        }

        try
        {
            await actions.RunAsync(action, rollout, revision, http.RequestAborted).ConfigureAwait(false);
            http.Response.Redirect($"{back}?done={action.Name}&revision={Html.Seg(revision)}", permanent: false);
            http.Response.StatusCode = StatusCodes.Status303SeeOther;
        }
        catch (CliException e)
        {
            var body = $"<h1>{Html.E(action.Label)} was not done</h1><p class=\"error\" role=\"alert\">{Html.E(e.Message)}</p><p><a href=\"{back}\">Back to the Rollout</a></p>";
            await Page(http, Layout.Page("Not done", guard.Token, body), StatusCodes.Status409Conflict).ConfigureAwait(false);
        }
    }

    private async Task Plan(HttpContext http)
    {
        var form = await ReadFormAsync(http, PlanPage.MaxManifestBytes + MaxActionBody, http.RequestAborted).ConfigureAwait(false);
        if (form is null || !await Allowed(http, form).ConfigureAwait(false))
        {
            return;
        }

        var manifest = form["manifest"].ToString();
        if (form.Files.GetFile("file") is { Length: > 0 } file)
        {
            using var reader = new StreamReader(file.OpenReadStream());
            manifest = await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
        }

        if (manifest.Length > PlanPage.MaxManifestBytes)
        {
            await Page(http, PlanPage.Render(guard.Token, "", $"<p class=\"error\" role=\"alert\">The manifest is larger than {PlanPage.MaxManifestBytes / 1024} KiB.</p>"), StatusCodes.Status413PayloadTooLarge).ConfigureAwait(false);
            return;
        }

        await Page(http, PlanPage.Render(guard.Token, manifest, PlanPage.Result(manifest))).ConfigureAwait(false);
    }

    private async Task<bool> Allowed(HttpContext http, IFormCollection form)
    {
        var refusal = guard.CheckPost(http.Request, Port, form["token"].ToString() is { Length: > 0 } t ? t : null);
        if (refusal is null)
        {
            return true;
        }

        await Text(http, StatusCodes.Status403Forbidden, "Refused: " + refusal + ".").ConfigureAwait(false);
        return false;
    }

    /// <summary>Reads a url-encoded or multipart form of bounded size; null (after answering 413/400) when it is too large or malformed.</summary>
    private static async Task<IFormCollection?> ReadFormAsync(HttpContext http, long limit, CancellationToken cancellationToken)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (!http.Request.HasFormContentType)
        {
            await Text(http, StatusCodes.Status400BadRequest, "Expected a form.").ConfigureAwait(false);
            return null;
        }

        var options = new FormOptions { MultipartBodyLengthLimit = limit, ValueLengthLimit = (int)limit, ValueCountLimit = 16, MultipartHeadersCountLimit = 8 };
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, options));
        try
        {
            return await http.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            await Text(http, StatusCodes.Status413PayloadTooLarge, $"The request is larger than {limit / 1024} KiB or malformed.").ConfigureAwait(false);
            return null;
        }
    }

    private Task WithRollout(HttpContext http, Func<Rollout, Task> found) => Find(http) is { } rollout
        ? found(rollout)
        : Page(http, Layout.Page("Not found", guard.Token, "<h1>Not found</h1><p>This Rollout does not exist (any more). <a href=\"/\">All Rollouts</a></p>"), StatusCodes.Status404NotFound);

    private Rollout? Find(HttpContext http)
    {
        var ns = (string?)http.Request.RouteValues["ns"] ?? "";
        return cache.Namespace is not null && ns != cache.Namespace ? null : cache.Rollouts.Find(ns, (string?)http.Request.RouteValues["name"] ?? "");
    }

    private static string? Notice(IQueryCollection query)
    {
        var action = DashboardAction.Find(query["done"].ToString());
        var revision = query["revision"].ToString();
        return action is not null && RevisionPattern().IsMatch(revision) ? $"{action.Label}: requested for revision {revision}." : null;
    }

    private static async Task Asset(HttpContext http)
    {
        var file = (string?)http.Request.RouteValues["file"];
        var type = file switch { "dashboard.css" => "text/css; charset=utf-8", "dashboard.js" => "text/javascript; charset=utf-8", _ => null };
        await using var stream = type is null ? null : typeof(DashboardHandlers).Assembly.GetManifestResourceStream("dashboard/" + file);
        if (stream is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        http.Response.ContentType = type;
        await stream.CopyToAsync(http.Response.Body, http.RequestAborted).ConfigureAwait(false);
    }

    private static Task Page(HttpContext http, string html, int status = StatusCodes.Status200OK)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        return http.Response.WriteAsync(html, http.RequestAborted);
    }

    private static Task Text(HttpContext http, int status, string text)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(text, http.RequestAborted);
    }

    [GeneratedRegex("^[a-z0-9]{1,63}$", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex RevisionPattern();
}
