using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Parsing;

/// <summary>Picks a metric's one provider and validates it; a judge or an SLO gate needs Prometheus, whose queries it brings.</summary>
internal static class MetricProviders
{
    public static (PrometheusMetric? Prometheus, WebMetricPlan? Web, JobMetricPlan? Job) Parse(Metric metric, string path, IReadOnlySet<string> args, MetricOrigin origin, SpecErrors errors)
    {
        var provider = metric.Provider;
        var set = (provider?.Prometheus is null ? 0 : 1) + (provider?.Web is null ? 0 : 1) + (provider?.Job is null ? 0 : 1);
        if (set > 1)
        {
            errors.Add(path, "set exactly one provider: prometheus, web or job");
            return (null, null, null);
        }

        if (provider?.Web is null && provider?.Job is null)
        {
            return (PrometheusParser.Parse(provider, path, args, origin, errors, queryRequired: metric.Judge is null && metric.Slo is null), null, null);
        }

        var kind = provider.Web is null ? "job" : "web";
        if (metric.Judge is not null || metric.Slo is not null)
        {
            errors.Add($"{path}.{kind}", $"a {(metric.Judge is null ? "slo" : "judge")} metric brings its own Prometheus queries: use provider.prometheus, or move the {kind} provider to a metric of its own");
            return (null, null, null);
        }

        return provider.Web is { } web
            ? (null, WebParser.Parse(web, $"{path}.web", args, origin, errors), null)
            : (null, null, JobParser.Parse(provider.Job!, $"{path}.job", errors));
    }
}
