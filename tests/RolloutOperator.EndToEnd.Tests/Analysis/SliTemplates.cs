using System.Globalization;

namespace RolloutOperator.EndToEnd.Tests.Analysis;

/// <summary>
/// AnalysisTemplates as a platform team would write them for standard HTTP server metrics, with windows and intervals
/// shrunk to seconds: Prometheus scrapes every 1 s, so a 10 s rate window holds about ten samples.
/// </summary>
internal static class SliTemplates
{
    /// <summary>Non-5xx rate over total rate of the revision under test.</summary>
    public const string SuccessRateQuery = """
        sum(rate(http_requests_total{namespace="{{rollout.namespace}}", rollout="{{args.rollout}}", revision="{{revision.canary}}", code!~"5.."}[{{args.window}}]))
        /
        sum(rate(http_requests_total{namespace="{{rollout.namespace}}", rollout="{{args.rollout}}", revision="{{revision.canary}}"}[{{args.window}}]))
        """;

    /// <summary>p99 latency of the revision under test from the request-duration histogram, in seconds.</summary>
    public const string LatencyP99Query = """
        histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{namespace="{{rollout.namespace}}", rollout="{{args.rollout}}", revision="{{revision.canary}}"}[{{args.window}}])))
        """;

    /// <summary>An AnalysisTemplate with the standard arguments (the Rollout's name, a rate window) and the given metrics.</summary>
    public static string Template(string name, params string[] metrics) => $$"""
        apiVersion: rollout-operator.io/v1alpha1
        kind: AnalysisTemplate
        metadata:
          name: {{name}}
        spec:
          args:
            - name: rollout
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
            - name: window
              value: 10s
          metrics:
        {{string.Join("\n", metrics)}}
        """;

    /// <summary>Success rate at least 99%: a healthy service answers (almost) everything.</summary>
    public static string SuccessRate(MetricLimits limits) => Metric("success-rate", SuccessRateQuery, "successCondition: result >= 0.99", limits);

    /// <summary>p99 at most 250 ms; the simulator's healthy requests take 5–15 ms.</summary>
    public static string LatencyP99(MetricLimits limits) => Metric("latency-p99", LatencyP99Query, "successCondition: result <= 0.25", limits);

    public static string Metric(string name, string query, string condition, MetricLimits limits)
    {
        var lines = new List<string>
        {
            $"- name: {name}",
            $"  interval: {limits.Interval}",
            $"  count: {limits.Count.ToString(CultureInfo.InvariantCulture)}",
            $"  failureLimit: {limits.FailureLimit.ToString(CultureInfo.InvariantCulture)}",
            $"  inconclusiveLimit: {limits.InconclusiveLimit.ToString(CultureInfo.InvariantCulture)}",
            $"  consecutiveErrorLimit: {limits.ConsecutiveErrorLimit.ToString(CultureInfo.InvariantCulture)}",
            $"  noDataPolicy: {limits.NoDataPolicy}",
            $"  {condition}",
            "  provider:",
            "    prometheus:",
            "      timeout: 2s",
            "      query: |",
        };
        if (limits.InitialDelay is { } delay)
        {
            lines.Insert(2, $"  initialDelay: {delay}");
        }

        lines.AddRange(query.Split('\n').Select(l => "        " + l.TrimEnd()));
        return string.Join("\n", lines.Select(l => "    " + l));
    }
}
