using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Tests.Parsing;

/// <summary>Valid web and job metrics for the provider tests; each test breaks one thing.</summary>
internal static class ProviderSpecs
{
    public static Metric Web(Action<WebMetric>? change = null)
    {
        var web = new WebMetric { Url = "https://checks.example/api/ratio?service={{args.service}}", JsonPath = "$.data.ratio" };
        change?.Invoke(web);
        return new Metric { Name = "web-ratio", SuccessCondition = "result >= 0.99", Provider = new MetricProvider { Web = web } };
    }

    public static Metric Job(Action<JsonObject>? change = null)
    {
        var spec = JobSpec();
        change?.Invoke(spec);
        return new Metric { Name = "smoke", Provider = new MetricProvider { Job = new JobMetric { Spec = spec } } };
    }

    public static JsonObject JobSpec() => new()
    {
        ["template"] = new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["serviceAccountName"] = "smoke-tests",
                ["containers"] = new JsonArray(new JsonObject { ["name"] = "smoke", ["image"] = "registry.example/smoke:1" }),
            },
        },
    };

    public static JsonObject PodSpec(JsonObject jobSpec) => jobSpec["template"]!["spec"]!.AsObject();
}
