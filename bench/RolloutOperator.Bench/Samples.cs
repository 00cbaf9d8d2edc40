using System.Text.Json;
using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Core.Plans;
using RolloutOperator.Testing;

namespace RolloutOperator.Bench;

/// <summary>The manifests of config/samples (copied next to the binary), so the benchmarks run on what users start from.</summary>
internal static class Samples
{
    public const string CanaryFile = "rollout-canary-gatewayapi.yaml";
    public const string BlueGreenFile = "rollout-bluegreen.yaml";

    private static string Directory => Path.Combine(AppContext.BaseDirectory, "samples");

    /// <summary>A parse context holding every AnalysisTemplate and ClusterAnalysisTemplate among the samples.</summary>
    public static ParseContext Context() => ParseContext.Offline(
        [.. Documents().Where(d => IsTemplate(Kind(d))).Select(Template)]);

    /// <summary>The spec of the (single) Rollout in <paramref name="file"/>.</summary>
    public static RolloutSpec RolloutSpec(string file) =>
        Read<RolloutSpec>(Documents(file).Single(d => Kind(d) == CustomResources.Rollout.Kind));

    /// <summary>The parsed plan of the Rollout in <paramref name="file"/>; the samples are valid, so a failure is a bug.</summary>
    public static RolloutPlan Plan(string file)
    {
        var result = SpecParser.Parse(RolloutSpec(file), Context());
        return result.Plan ?? throw new InvalidOperationException($"{file}: {string.Join("; ", result.Errors)}");
    }

    private static IEnumerable<JsonNode> Documents() =>
        System.IO.Directory.GetFiles(Directory, "*.yaml").Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .Order(StringComparer.Ordinal).SelectMany(f => Documents(Path.GetFileName(f)));

    private static IReadOnlyList<JsonNode> Documents(string file) => YamlToJson.Documents(File.ReadAllText(Path.Combine(Directory, file)));

    private static string? Kind(JsonNode document) => (string?)document["kind"];

    private static bool IsTemplate(string? kind) =>
        kind == CustomResources.AnalysisTemplate.Kind || kind == CustomResources.ClusterAnalysisTemplate.Kind;

    private static (string Name, bool ClusterScope, AnalysisTemplateSpec Spec) Template(JsonNode document)
    {
        var envelope = document.Deserialize<ResourceEnvelope<AnalysisTemplateSpec, object>>(ApiJson.Options)
            ?? throw new JsonException("empty manifest");
        return (envelope.Metadata!.Name!, Kind(document) == CustomResources.ClusterAnalysisTemplate.Kind, envelope.Spec!);
    }

    private static TSpec Read<TSpec>(JsonNode document)
        where TSpec : class =>
        document.Deserialize<ResourceEnvelope<TSpec, object>>(ApiJson.Options)?.Spec ?? throw new JsonException("empty manifest");
}
