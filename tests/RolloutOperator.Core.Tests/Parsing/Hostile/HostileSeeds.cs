using System.Text.Json;
using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Tests.Parsing.Hostile;

/// <summary>The starting points of the fuzz property: every sample Rollout and the test suite's reference specs.</summary>
public static class HostileSeeds
{
    public static IReadOnlyList<HostileSeed> All { get; } = Build();

    private static List<HostileSeed> Build()
    {
        var seeds = new List<HostileSeed>();
        var sampleTemplates = SampleManifests.Templates().Select(t => (t.Name, t.ClusterScope, ToJson(t.Spec))).ToList();
        foreach (var file in SampleManifests.ManifestFiles)
        {
            foreach (var document in SampleManifests.Documents(file).Where(d => (string?)d["kind"] == CustomResources.Rollout.Kind))
            {
                seeds.Add(new HostileSeed(file, document["spec"]!.AsObject(), sampleTemplates));
            }
        }

        List<(string, bool, JsonObject)> testTemplates =
        [
            ("success-rate", false, ToJson(Specs.SuccessRateTemplate())),
            ("error-rate", true, ToJson(Specs.ErrorRateTemplate())),
        ];
        seeds.Add(new HostileSeed("Specs.Canary", ToJson(Specs.Canary()), testTemplates));
        seeds.Add(new HostileSeed("Specs.BlueGreen", ToJson(Specs.BlueGreen()), testTemplates));
        seeds.Add(new HostileSeed("Specs.InlineMetric", ToJson(Specs.Canary().WithInlineMetrics(Specs.Metric())), testTemplates));
        seeds.Add(new HostileSeed("Specs.Expressions", ToJson(WithExpressionsAndRegex()), testTemplates));
        var workloadRef = Specs.Canary().Mutate(s => (s.Template, s.WorkloadRef) = (null, new WorkloadRef { Name = "web" }));
        seeds.Add(new HostileSeed("Specs.WorkloadRef", ToJson(workloadRef), testTemplates, Specs.PodTemplate()));
        return seeds;
    }

    // Reaches what the samples do not: set-based selectors, regex header matches, a regex matcher and conditions in a query.
    private static RolloutSpec WithExpressionsAndRegex()
    {
        var metric = Specs.Metric("codes", "sum(rate(x{code=~\"{{args.service}}\", pod!~'{{revision.canary}}.*'}[{{args.window}}]))");
        metric.ThresholdRange = null;
        metric.SuccessCondition = "result[0] >= 0.99 && results.all(r, r > 0)";
        metric.FailureCondition = "result[0] < 0.5";
        metric.Count = 3;
        metric.Interval = "30s";
        metric.InitialDelay = "10s";
        metric.Provider.Prometheus!.Range = new PrometheusRange { Window = "5m", Step = "30s" };
        var spec = Specs.Canary().WithInlineMetrics(metric);
        spec.Canary().Steps![2].Analysis!.Args!.Add(Specs.Arg("window", "5m"));
        spec.Selector!.MatchExpressions = [new LabelSelectorRequirement { Key = "tier", Operator = LabelSelectorOperator.In, Values = ["web", "api"] }];
        spec.Canary().Steps![4].SetHeaderRoute!.Match!.Add(new HeaderMatch { HeaderName = "x-user", HeaderValue = new StringMatch { Regex = "^beta-[0-9]+$" } });
        spec.Canary().MaxSurge = new IntOrString("50%");
        return spec;
    }

    private static JsonObject ToJson<T>(T value) => JsonSerializer.SerializeToNode(value, ApiJson.Options)!.AsObject();
}
