using System.Text.Json.Nodes;
using RolloutOperator.CrdGen.Tests.Support;

namespace RolloutOperator.CrdGen.Tests;

public sealed class SpotCheckTests
{
    private static SchemaNode RolloutSpec => Crds.Spec("Rollout");

    [Fact]
    public void NoDataPolicy_IsAnEnum_DefaultingToRetry()
    {
        foreach (var node in new[] { RolloutSpec.Resolve(".strategy.canary.analysis")!, Crds.Spec("AnalysisTemplate") })
        {
            var policy = node.Property("metrics")!["items"]!["properties"]!["noDataPolicy"]!;
            Assert.Equal(["Retry", "Fail", "Inconclusive"], policy["enum"]!.AsArray().Select(v => (string)v!));
            Assert.Equal("Retry", (string?)policy["default"]);
        }
    }

    [Fact]
    public void WorkloadRefScaleDown_UsesJsonMemberNames()
    {
        var scaleDown = RolloutSpec.Resolve(".workloadRef.scaleDown")!;

        Assert.Equal(["never", "onSuccess", "progressively"], scaleDown.Schema["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("never", (string?)scaleDown.Schema["default"]);
        Assert.Equal(["name"], RolloutSpec.Resolve(".workloadRef")!.Required);
    }

    [Theory]
    [InlineData(".progressDeadlineSeconds", 600)]
    [InlineData(".replicas", 1)]
    [InlineData(".strategy.canary.scaleDownDelaySeconds", 30)]
    [InlineData(".strategy.blueGreen.scaleDownDelaySeconds", 30)]
    [InlineData(".strategy.canary.maxUnavailable", 0)]
    public void IntegerDefaults(string path, long expected)
    {
        Assert.Equal(expected, (long)RolloutSpec.Resolve(path)!.Schema["default"]!);
    }

    [Fact]
    public void IntOrString_HasNoType_AndKeepsItsStringDefault()
    {
        var maxSurge = RolloutSpec.Resolve(".strategy.canary.maxSurge")!;

        Assert.Null(maxSurge.Type);
        Assert.True((bool)maxSurge.Schema["x-kubernetes-int-or-string"]!);
        Assert.Equal("25%", (string?)maxSurge.Schema["default"]);
    }

    [Fact]
    public void RangesPatternsAndFormats_AreCarriedOver()
    {
        var replicas = RolloutSpec.Resolve(".replicas")!.Schema;
        Assert.Equal(0, (long)replicas["minimum"]!);
        Assert.Equal(100000, (long)replicas["maximum"]!);
        Assert.Equal("int32", (string?)replicas["format"]);
        Assert.Equal(Core.Api.Durations.Pattern, (string?)RolloutSpec.Resolve(".strategy.canary.steps")!.Schema["items"]!["properties"]!["pause"]!["properties"]!["duration"]!["pattern"]);
        Assert.Equal("date-time", (string?)Crds.Status("Rollout").Resolve(".stepStartedAt")!.Schema["format"]);
        Assert.Equal("int64", (string?)Crds.Status("Rollout").Resolve(".observedGeneration")!.Schema["format"]);
        Assert.Equal("number", RolloutSpec.Resolve(".strategy.canary.analysis")!.Property("metrics")!["items"]!["properties"]!["thresholdRange"]!["properties"]!["min"]!["type"]!.GetValue<string>());
        Assert.Equal(1, (long)Crds.Spec("AnalysisTemplate").Property("metrics")!["minItems"]!);
    }

    [Fact]
    public void ListTypes_AndStringMaps()
    {
        var status = Crds.Status("Rollout");
        Assert.Equal("map", (string?)status.Resolve(".conditions")!.Schema["x-kubernetes-list-type"]);
        Assert.Equal(["type"], status.Resolve(".conditions")!.Schema["x-kubernetes-list-map-keys"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("atomic", (string?)RolloutSpec.Resolve(".strategy.canary.steps")!.Schema["x-kubernetes-list-type"]);
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["type"] = "string" }, RolloutSpec.Resolve(".selector.matchLabels")!.Schema["additionalProperties"]));
        Assert.True((bool)RolloutSpec.Resolve(".template")!.Schema["x-kubernetes-preserve-unknown-fields"]!);
        Assert.NotNull(RolloutSpec.Resolve(".strategy.canary.trafficRouting.gatewayAPI"));
    }

    [Fact]
    public void BackgroundAnalysis_IncludesBaseClassProperties_BaseFirst()
    {
        var names = RolloutSpec.Resolve(".strategy.canary.analysis")!.Properties!.Select(p => p.Key);

        Assert.Equal(["templates", "metrics", "args", "startingStep"], names);
    }

    [Fact]
    public void Names_ScopeAndCategories()
    {
        var shortNames = Crds.Kinds.SelectMany(k => Crds.Document(k)["spec"]!["names"]!["shortNames"]!.AsArray().Select(v => (string)v!)).ToList();

        Assert.Empty(shortNames.Intersect(["ro", "at", "cat", "ar", "exp"]));
        Assert.Equal(shortNames.Count, shortNames.Distinct().Count());
        Assert.Equal("Cluster", (string?)Crds.Document("ClusterAnalysisTemplate")["spec"]!["scope"]);
        Assert.Equal("Namespaced", (string?)Crds.Document("AnalysisTemplate")["spec"]!["scope"]);
        Assert.Equal("RolloutList", (string?)Crds.Document("Rollout")["spec"]!["names"]!["listKind"]);
        Assert.Equal("rollouts.rollout-operator.io", (string?)Crds.Document("Rollout")["metadata"]!["name"]);
        Assert.All(Crds.Kinds, k => Assert.Equal("rollout-operator", (string?)Crds.Document(k)["spec"]!["names"]!["categories"]![0]));
    }

    [Fact]
    public void Rollout_HasStatusAndScaleSubresources_ThatResolve()
    {
        var subresources = Crds.Version("Rollout")["subresources"]!;
        var scale = subresources["scale"]!;
        var root = Crds.Root("Rollout");

        Assert.True(JsonNode.DeepEquals(new JsonObject(), subresources["status"]));
        Assert.Equal(".spec.replicas", (string?)scale["specReplicasPath"]);
        Assert.Equal(".status.replicas", (string?)scale["statusReplicasPath"]);
        Assert.Equal(".status.selector", (string?)scale["labelSelectorPath"]);
        Assert.Equal("integer", root.Resolve(".spec.replicas")!.Type);
        Assert.Equal("integer", root.Resolve(".status.replicas")!.Type);
        Assert.Equal("string", root.Resolve(".status.selector")!.Type);
        Assert.Null(Crds.Version("AnalysisTemplate")["subresources"]);
        Assert.Null(Crds.Root("AnalysisTemplate").Property("status"));
    }

    [Theory]
    [MemberData(nameof(Crds.KindData), MemberType = typeof(Crds))]
    public void PrinterColumns_ResolveToFieldsOfTheirType(string kind)
    {
        foreach (var column in Crds.Version(kind)["additionalPrinterColumns"]!.AsArray())
        {
            var path = (string)column!["jsonPath"]!;
            var type = (string)column["type"]!;
            if (path == ".metadata.creationTimestamp")
            {
                Assert.Equal("date", type);
                continue;
            }

            Assert.Equal(type, Crds.Root(kind).Resolve(path)?.Type);
        }
    }

    [Fact]
    public void Rollout_PrinterColumns_WithPriorities()
    {
        var columns = Crds.Version("Rollout")["additionalPrinterColumns"]!.AsArray()
            .Select(c => $"{(string)c!["name"]!}:{(long?)c["priority"] ?? 0}");

        Assert.Equal(["Phase:0", "Desired:0", "Available:0", "Step:0", "Weight:0", "Stable:1", "Canary:1", "Message:1", "Age:0"], columns);
    }
}
