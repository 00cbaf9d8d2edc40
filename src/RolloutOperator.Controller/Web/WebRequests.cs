using RolloutOperator.Controller.Analysis;
using RolloutOperator.Controller.Model;
using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Web;

/// <summary>
/// Renders a web metric into a request: placeholders resolved and encoded, header values read from the Rollout's
/// namespace. <see cref="Prepared.Shown"/> is what status and events may show: method and URL with Secret-sourced
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
        var headers = new List<KeyValuePair<string, string>>(web.Headers.Count);
        foreach (var header in web.Headers)
        {
            if (header.SecretKeyRef is not { } reference)
            {
                headers.Add(new(header.Name, header.Value ?? ""));
                continue;
            }

            try
            {
                headers.Add(new(header.Name, await secrets.ReadAsync(rollout.Metadata.NamespaceProperty ?? "", reference, cancellationToken).ConfigureAwait(false)));
            }
            catch (SecretUnavailableException e)
            {
                return new Prepared(null, shown, $"header {header.Name}: {e.Message}");
            }
        }

        return new Prepared(new WebRequest(uri, web.Method, headers, body?.Query, web.JsonPath, web.Timeout, secrets.Scrubber), shown, null);
    }
}
