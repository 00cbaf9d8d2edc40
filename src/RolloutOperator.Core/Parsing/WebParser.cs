using RolloutOperator.Core.Api;
using RolloutOperator.Core.JsonPaths;
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
        CheckUrl(web.Url, $"{path}.url", args, origin.Policy.OutboundHosts, errors);
        var method = web.Method ?? SpecDefaults.WebMethodDefault;
        if (web.Body is not null)
        {
            if (method != WebMethod.POST)
            {
                errors.Add($"{path}.body", "a body needs method POST");
            }

            QueryPlaceholders.Validate(web.Body, args, $"{path}.body", errors);
        }

        OutboundHeaders.Check(web.Headers, $"{path}.headers", errors);
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

    // The scheme and host are fixed before any value is substituted: a placeholder may only stand in the path or query,
    // so no argument can move the request to another host. The whole template then obeys the one outbound address rule.
    private static void CheckUrl(string? url, string path, IReadOnlySet<string> args, HostAllowList allowed, SpecErrors errors)
    {
        var placeholder = url?.IndexOf("{{", StringComparison.Ordinal) ?? -1;
        if (placeholder >= 0)
        {
            var fixedPart = url![..placeholder];
            var hostFixed = OutboundAddress.IsHttpUrl(fixedPart, out var prefix)
                && (prefix.AbsolutePath.Length > 1 || fixedPart.EndsWith('/') || prefix.Query.Length > 0);
            if (!hostFixed)
            {
                errors.Add(path, $"\"{Fields.Shown(url)}\": placeholders may only stand after the host, in the path or query");
                return;
            }
        }

        if (OutboundAddress.Check(url, path, allowed, errors) is not null)
        {
            QueryPlaceholders.Validate(url!, args, path, errors);
        }
    }
}
