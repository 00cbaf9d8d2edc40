using System.Text.Json;
using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Tests.Support;
using RolloutOperator.Testing;

namespace RolloutOperator.Core.Tests.Parsing;

/// <summary>The manifests in config/samples, copied to the test output's samples/ folder.</summary>
internal static class SampleManifests
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "samples");

    public static IReadOnlyList<string> ManifestFiles =>
        [.. System.IO.Directory.GetFiles(Directory, "*.yaml").Select(Path.GetFileName).OfType<string>()
            .Where(name => name != "kustomization.yaml").Order(StringComparer.Ordinal)];

    public static IReadOnlyList<JsonNode> Documents(string file) => YamlToJson.Documents(File.ReadAllText(Path.Combine(Directory, file)));

    public static ResourceEnvelope<TSpec, TStatus> Read<TSpec, TStatus>(JsonNode document)
        where TSpec : class
        where TStatus : class =>
        document.Deserialize<ResourceEnvelope<TSpec, TStatus>>(ApiJson.Options) ?? throw new JsonException("empty manifest");

    /// <summary>Every AnalysisTemplate and ClusterAnalysisTemplate among the samples.</summary>
    public static IReadOnlyList<(string Name, bool ClusterScope, AnalysisTemplateSpec Spec)> Templates() =>
        [.. ManifestFiles.SelectMany(Documents)
            .Where(d => IsTemplateKind((string?)d["kind"]))
            .Select(d => (Kind: (string?)d["kind"], Envelope: Read<AnalysisTemplateSpec, object>(d)))
            .Select(x => (x.Envelope.Metadata!.Name!, x.Kind == CustomResources.ClusterAnalysisTemplate.Kind, x.Envelope.Spec!))];

    public static bool IsTemplateKind(string? kind) =>
        kind == CustomResources.AnalysisTemplate.Kind || kind == CustomResources.ClusterAnalysisTemplate.Kind;
}
