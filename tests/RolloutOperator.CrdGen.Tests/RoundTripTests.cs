using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.CrdGen.Tests.Support;

namespace RolloutOperator.CrdGen.Tests;

/// <summary>What the operator writes must survive the API server: a field missing from the schema would be pruned.</summary>
public sealed class RoundTripTests
{
    [Fact]
    public void SampleRollout_RoundTripsThroughRolloutSpec_AndFitsTheSchema()
    {
        var sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "rollout.json"));

        var spec = ApiJson.Deserialize<RolloutSpec>(sample)!;
        var written = JsonNode.Parse(ApiJson.Serialize(spec))!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(sample), written), "RolloutSpec dropped or changed a sample field: " + written.ToJsonString());
        Assert.Empty(SchemaConformance.Check(written, Crds.Spec("Rollout").Schema, "spec"));
    }

    [Fact]
    public void BlueGreenRollout_WithWorkloadRef_FitsTheSchema()
    {
        var spec = new RolloutSpec
        {
            WorkloadRef = new WorkloadRef { Name = "shop", ScaleDown = WorkloadScaleDown.OnSuccess },
            Strategy = new RolloutStrategy
            {
                BlueGreen = new BlueGreenStrategy { ActiveService = "shop", PreviewService = "shop-preview", AutoPromotionEnabled = false },
            },
        };

        var written = JsonNode.Parse(ApiJson.Serialize(spec))!;

        Assert.Equal("onSuccess", (string?)written["workloadRef"]!["scaleDown"]);
        Assert.Empty(SchemaConformance.Check(written, Crds.Spec("Rollout").Schema, "spec"));
    }

    [Theory]
    [InlineData("Rollout", typeof(RolloutSpec), "spec")]
    [InlineData("Rollout", typeof(RolloutStatus), "status")]
    [InlineData("AnalysisTemplate", typeof(AnalysisTemplateSpec), "spec")]
    [InlineData("ClusterAnalysisTemplate", typeof(AnalysisTemplateSpec), "spec")]
    public void FullyPopulatedObject_FitsTheSchema_AndCoversEveryField(string kind, Type type, string part)
    {
        var schema = Crds.Root(kind).Resolve("." + part)!;
        var value = typeof(SampleObjects).GetMethod(nameof(SampleObjects.Create))!.MakeGenericMethod(type).Invoke(null, null);
        var written = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(value, type, ApiJson.Options))!;
        var visited = new HashSet<string>(StringComparer.Ordinal);

        var problems = SchemaConformance.Check(written, schema.Schema, schema.Path, visited);

        // Shape and coverage only; values such as "x" need not pass patterns or CEL rules.
        var shapeProblems = problems.Where(p => !p.EndsWith("a pattern match", StringComparison.Ordinal)).ToList();
        var unwritten = schema.Descendants().Select(n => n.Path).Where(p => !visited.Contains(p)).ToList();
        Assert.Empty(shapeProblems);
        Assert.Empty(unwritten);
    }

    [Fact]
    public void AnalysisTemplate_Minimal_FitsTheSchema()
    {
        var spec = ApiJson.Deserialize<AnalysisTemplateSpec>(
            """{"metrics":[{"name":"ok","successCondition":"result >= 0.99","provider":{"prometheus":{"query":"up"}}}]}""")!;

        var written = JsonNode.Parse(ApiJson.Serialize(spec))!;

        Assert.Empty(SchemaConformance.Check(written, Crds.Spec("AnalysisTemplate").Schema, "spec"));
    }
}
