using RolloutOperator.Controller.Analysis;
using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Web;

/// <summary>
/// Renders a web metric into a request: placeholders resolved and encoded. Header values from Secrets are read by the
/// outbound client, from the Rollout's namespace only. <see cref="Prepared.Shown"/> is what status and events may show: method and URL with Secret-sourced
/// arguments redacted, never a header.
/// </summary>
internal static class WebRequests
{
    public sealed record Prepared(WebRequest? Request, string? Shown, string? Error);

    public static async Task<Prepared> PrepareAsync(Rollout rollout, DueMeasurement due, WebMetricPlan web, CachingSecretReader secrets, CancellationToken cancellationToken)
    {
        var variables = await QueryVariables.ResolveAsync(rollout, due, web.Url + "\n" + (web.Body ?? ""), secrets, cancellationToken).ConfigureAwait(false);
        if (variables.Errors.Count > 0)
        {
            return new Prepared(null, null, "web arguments: " + string.Join("; ", variables.Errors));
        }

        var url = WebTemplate.Url(web.Url, variables.Values);
        var body = web.Body is null ? null : WebTemplate.Body(web.Body, variables.Values);
        if (url.Query is not { } rendered || !Uri.TryCreate(rendered, UriKind.Absolute, out var uri) || body is { Succeeded: false })
        {
            return new Prepared(null, null, "web template: " + string.Join("; ", url.Errors.Concat(body?.Errors ?? [])));
        }

        var shown = $"{web.Method} {(variables.SecretNames.Count == 0 ? rendered : WebTemplate.Url(web.Url, variables.ForDisplay()).Query)}";
        return new Prepared(new WebRequest(uri, rollout.Metadata.NamespaceProperty ?? "", web.Method, web.Headers, body?.Query, web.JsonPath, web.Timeout, secrets.Scrubber), shown, null);
    }
}
