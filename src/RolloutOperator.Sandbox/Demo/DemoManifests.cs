using System.Text.Json.Nodes;
using RolloutOperator.Model.Yaml;

namespace RolloutOperator.Sandbox.Demo;

/// <summary>The demo's Rollout and AnalysisTemplate, embedded so the demo runs from any directory.</summary>
internal static class DemoManifests
{
    public const string RolloutName = "demo";

    public static IReadOnlyList<JsonObject> Load() => [.. Parse(Read("analysistemplate.yaml")), .. Parse(Read("rollout.yaml"))];

    private static IEnumerable<JsonObject> Parse(string yaml) => YamlToJson.Nodes(yaml).OfType<JsonObject>();

    private static string Read(string name)
    {
        using var stream = typeof(DemoManifests).Assembly.GetManifestResourceStream($"demo/{name}")
            ?? throw new InvalidOperationException($"embedded demo manifest {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
