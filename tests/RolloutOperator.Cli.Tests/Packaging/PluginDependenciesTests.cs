using System.Text.Json.Nodes;
using RolloutOperator.Cli.Commands;

namespace RolloutOperator.Cli.Tests.Packaging;

/// <summary>
/// The single-file plugin bundles exactly what its deps.json lists (the build copies the plugin's deps.json next to the
/// tests), so reading it is the fast form of "the published file does not contain the controller".
/// </summary>
public sealed class PluginDependenciesTests
{
    private static readonly string[] Forbidden = ["RolloutOperator.Controller", "RolloutOperator.Runtime", "prometheus-net", "RolloutOperator", "RolloutOperator.Sandbox", "RolloutOperator.ApiEmulator"];

    [Fact]
    public void PluginDependencyClosure_HoldsNoControllerRuntimeMetricsOrHost()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "kubectl-rollout_operator.deps.json");
        var libraries = JsonNode.Parse(File.ReadAllText(path))!["libraries"]!.AsObject().Select(l => l.Key.Split('/')[0]).ToList();

        Assert.Contains("RolloutOperator.Model", libraries);
        Assert.Empty(libraries.Intersect(Forbidden, StringComparer.Ordinal));
    }

    [Fact]
    public void PluginAssembly_DefinesNoCopyOfTheSharedModel()
    {
        // These ideas live once, in RolloutOperator.Model or Core; a same-named type in the plugin is a second copy.
        string[] shared = ["Rollout", "AnalysisTemplate", "RolloutApi", "RolloutSnapshot", "StepState", "CanaryStepState", "YamlToJson", "YamlScalars", "GoPatterns", "RevisionNames"];

        var names = typeof(RootCommandFactory).Assembly.GetTypes().Select(t => t.Name);

        Assert.Empty(names.Intersect(shared, StringComparer.Ordinal));
    }
}
