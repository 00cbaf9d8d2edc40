using System.Text.Json.Nodes;
using RolloutOperator.Sandbox.Manifests;

namespace RolloutOperator.Sandbox.Demo;

/// <summary>The demo's Rollout and AnalysisTemplate, embedded so the demo runs from any directory.</summary>
internal static class DemoManifests
{
    public const string RolloutName = "demo";

    public static IReadOnlyList<JsonObject> Load() => [.. YamlDocuments.Parse(Read("analysistemplate.yaml")), .. YamlDocuments.Parse(Read("rollout.yaml"))];

    private static string Read(string name)
    {
        using var stream = typeof(DemoManifests).Assembly.GetManifestResourceStream($"demo/{name}")
            ?? throw new InvalidOperationException($"embedded demo manifest {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
