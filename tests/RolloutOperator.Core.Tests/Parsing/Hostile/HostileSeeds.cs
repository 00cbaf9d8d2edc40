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
        return seeds;
    }

    private static JsonObject ToJson<T>(T value) => JsonSerializer.SerializeToNode(value, ApiJson.Options)!.AsObject();
}
