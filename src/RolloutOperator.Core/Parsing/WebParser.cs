using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Validates a web metric. The URL's host is checked against the admin's outbound allow-list here (on the template, before
/// rendering; placeholders may not appear in the scheme or host), so a refused host is an InvalidSpec at its field.
/// </summary>
internal static class WebParser
{
    public const string DefaultTimeout = "10s";

    /// <summary>Upper bound of a web metric's timeout; the operator also caps it at run time below its reconcile budget.</summary>
    public static readonly TimeSpan MaxTimeout = PrometheusTimeouts.MaximumValue;

    public static WebMetricPlan? Parse(WebMetric web, string path, IReadOnlySet<string> args, MetricOrigin origin, SpecErrors errors)
    {
        var before = errors.Count;
        CheckUrl(web.Url, $"{path}.url", args, origin.Policy.OutboundAllowedHosts, errors);
        var method = web.Method ?? SpecDefaults.WebMethodDefault;
        if (web.Body is not null)
        {
            if (method != WebMethod.POST)
            {
                errors.Add($"{path}.body", "a body needs method POST");
            }

            QueryPlaceholders.Validate(web.Body, args, $"{path}.body", errors);
        }

        CheckHeaders(web.Headers, $"{path}.headers", errors);
        var jsonPath = JsonPathQuery.Parse(web.JsonPath, out var pathError);
        if (jsonPath is null)
        {
            errors.Add($"{path}.jsonPath", $"invalid JSON path \"{Fields.Shown(web.JsonPath ?? "")}\": {pathError}");
        }

        var timeout = Fields.Duration(web.Timeout, SpecDefaults.WebTimeout, $"{path}.timeout", errors, positive: true);
        if (timeout > MaxTimeout)
        {
            errors.Add($"{path}.timeout", $"must be at most {PrometheusTimeouts.Maximum} (a measurement must finish well within one reconcile)");
        }

        return errors.Count > before || jsonPath is null
            ? null
            : new WebMetricPlan(web.Url, method, [.. web.Headers ?? []], web.Body, jsonPath, timeout);
    }

    private static void CheckUrl(string? url, string path, IReadOnlySet<string> args, HostAllowList allowed, SpecErrors errors)
    {
        if (Fields.IsBlank(url))
        {
            errors.Add(path, "url is required");
            return;
        }

        // The scheme and host are judged before any value is substituted: an argument can only land in the path or query.
        var placeholder = url!.IndexOf("{{", StringComparison.Ordinal);
        var fixedPart = placeholder < 0 ? url : url[..placeholder];
        var valid = Uri.TryCreate(fixedPart, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(uri.Host)
            && (placeholder < 0 || uri.AbsolutePath.Length > 1 || fixedPart.EndsWith('/') || uri.Query.Length > 0);
        if (!valid)
        {
            errors.Add(path, $"url \"{Fields.Shown(url)}\" must be an absolute http or https URL, with placeholders only after the host");
            return;
        }

        if (!string.IsNullOrEmpty(uri!.UserInfo))
        {
            errors.Add(path, "url must not carry credentials: use a header whose value comes from a Secret");
        }
        else if (!allowed.Allows(uri))
        {
            errors.Add(path, $"host {uri.Authority} is not allowed: it is not in the operator's --outbound-allowed-hosts ({string.Join(", ", allowed.Entries)})");
        }

        QueryPlaceholders.Validate(url, args, path, errors);
    }

    private static void CheckHeaders(List<WebHeader>? headers, string path, SpecErrors errors)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (headers?.Count ?? 0); i++)
        {
            var header = headers![i];
            var at = $"{path}[{i}]";
            if (header is null || Fields.IsBlank(header.Name) || header.Name.Any(c => c <= ' ' || c >= 127 || c == ':'))
            {
                errors.Add($"{at}.name", "must be a header name: visible ASCII without ':'");
                continue;
            }

            if (!seen.Add(header.Name))
            {
                errors.Add($"{at}.name", $"header {header.Name} is set twice");
            }

            if ((header.Value is null) == (header.SecretKeyRef is null))
            {
                errors.Add(at, "set exactly one of value and secretKeyRef");
            }
            else if (header.Value is { } value && value.Any(c => c is '\r' or '\n'))
            {
                errors.Add($"{at}.value", "must not contain line breaks");
            }
            else if (header.SecretKeyRef is { } secret && (Fields.IsBlank(secret.Name) || Fields.IsBlank(secret.Key)))
            {
                errors.Add($"{at}.secretKeyRef", "name and key are required");
            }
        }
    }
}
