using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Core.Tests.Support;
using RolloutOperator.Testing;

namespace RolloutOperator.Core.Tests.Parsing;

public sealed class SampleManifestTests
{
    public static TheoryData<string> Files => [.. SampleManifests.ManifestFiles];

    [Fact]
    public void Samples_Kustomization_ListsEveryManifest()
    {
        var kustomization = YamlToJson.Single(File.ReadAllText(Path.Combine(SampleManifests.Directory, "kustomization.yaml")));

        var resources = kustomization["resources"]!.AsArray().Select(r => (string)r!).Order(StringComparer.Ordinal);

        Assert.Equal(SampleManifests.ManifestFiles, resources);
        Assert.True(SampleManifests.ManifestFiles.Count >= 6, "samples were not copied to the test output");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Sample_Manifest_IsOurKindAndRoundTripsWithoutUnknownFields(string file)
    {
        foreach (var document in SampleManifests.Documents(file))
        {
            Assert.Equal(ApiGroup.ApiVersion, (string?)document["apiVersion"]);
            var kind = (string?)document["kind"];
            Assert.Contains(kind, CustomResources.All.Select(k => k.Kind));

            // A misspelled field would be dropped by the deserializer: the round trip must reproduce the manifest exactly.
            var typed = kind == CustomResources.Rollout.Kind
                ? JsonNode.Parse(ApiJson.Serialize(SampleManifests.Read<RolloutSpec, RolloutStatus>(document)))
                : JsonNode.Parse(ApiJson.Serialize(SampleManifests.Read<AnalysisTemplateSpec, object>(document)));
            Assert.True(JsonNode.DeepEquals(document, typed), $"{file} does not round-trip:\n{document}\n---\n{typed}");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Sample_Manifest_ParsesOrValidatesWithoutErrors(string file)
    {
        var context = ParseContext.Offline(SampleManifests.Templates());
        foreach (var document in SampleManifests.Documents(file))
        {
            var errors = SampleManifests.IsTemplateKind((string?)document["kind"])
                ? AnalysisTemplateValidator.Validate(SampleManifests.Read<AnalysisTemplateSpec, object>(document).Spec!)
                : SpecParser.Parse(SampleManifests.Read<RolloutSpec, RolloutStatus>(document).Spec!, context).Errors;

            Assert.True(errors.Count == 0, $"{file}: {string.Join(" | ", errors)}");
        }
    }

    [Fact]
    public void Samples_Rollouts_CoverBothStrategiesAndRouting()
    {
        var context = ParseContext.Offline(SampleManifests.Templates());
        var plans = SampleManifests.ManifestFiles.SelectMany(SampleManifests.Documents)
            .Where(d => (string?)d["kind"] == CustomResources.Rollout.Kind)
            .Select(d => SpecParser.Parse(SampleManifests.Read<RolloutSpec, RolloutStatus>(d).Spec!, context).Plan)
            .ToList();

        Assert.Contains(plans, p => p?.Strategy is Plans.CanaryPlan { Router: "gatewayAPI", Background: not null });
        Assert.Contains(plans, p => p?.Strategy is Plans.CanaryPlan { Router: "istio" });
        Assert.Contains(plans, p => p?.Strategy is Plans.CanaryPlan { Router: null });
        Assert.Contains(plans, p => p?.Strategy is Plans.BlueGreenPlan { AutoPromotion: false, PrePromotion: not null });
    }
}
