using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;
using RolloutOperator.Core.Tracing;

namespace RolloutOperator.Core.Tests.Tracing;

/// <summary>The measurement span's provider attribute names the provider the metric really used.</summary>
public sealed class ProviderNameTests
{
    private static MetricPlan Metric(PrometheusMetric? prometheus) =>
        new("m", TimeSpan.FromSeconds(10), 3, TimeSpan.Zero, 0, 0, 4, null, null, null, NoDataPolicy.Inconclusive, prometheus);

    public static TheoryData<string, string> Cases => new()
    {
        { "prometheus", "prometheus" },
        { "web", "web" },
        { "job", "job" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Provider_NamesTheMetricsProvider(string kind, string expected)
    {
        var metric = kind switch
        {
            "web" => Metric(null) with { Web = new WebMetricPlan("http://checks/", WebMethod.GET, [], null, JsonPathFor("$.value"), TimeSpan.FromSeconds(5)) },
            "job" => Metric(null) with { Job = new JobMetricPlan(new JsonObject(), 600, 0) },
            _ => Metric(new PrometheusMetric { Query = "up" }),
        };

        Assert.Equal(expected, AnalysisPlans.Provider(new AnalysisPlan([metric], []), "m"));
    }

    private static Core.JsonPaths.JsonPathQuery JsonPathFor(string path) => Core.JsonPaths.JsonPathQuery.Parse(path, out _)!;
}
