using System.Text.Json;
using RolloutOperator.Deploy.Tests.Infrastructure;
using YamlDotNet.Serialization;

namespace RolloutOperator.Deploy.Tests.Monitoring;

public sealed class PrometheusRuleTests
{
    private static string RulesFile => RepoPaths.Of("monitoring", "rollout-operator.rules.yaml");

    [Fact]
    public async Task PromtoolCheckRules_Source_Passes()
    {
        var result = (await ProcessRunner.RunAsync(Tools.Promtool, ["check", "rules", RulesFile], TimeSpan.FromMinutes(1))).EnsureSuccess();
        Assert.Contains("SUCCESS", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromtoolTestRules_UnitTests_Pass()
    {
        var result = await ProcessRunner.RunAsync(
            Tools.Promtool, ["test", "rules", "rollout-operator.rules.test.yaml"], TimeSpan.FromMinutes(1), RepoPaths.Of("monitoring"));
        result.EnsureSuccess();
    }

    [Fact]
    public void Source_AlertsCoverDegradedAnalysisLeaderAndReconcile()
    {
        var alerts = Groups(Load(File.ReadAllText(RulesFile)))
            .SelectMany(g => Node.List(g, "rules")).Select(r => Node.Text(r, "alert")).Order();
        Assert.Equal(["RolloutAnalysisErrors", "RolloutDegraded", "RolloutOperatorNoLeader", "RolloutOperatorReconcileErrors"], alerts);
    }

    [Fact]
    public async Task ChartPrometheusRule_RendersTheSourceRules()
    {
        var rule = (await Helm.RenderAsync(ValueSet.Monitoring)).Single("PrometheusRule");
        Assert.Equal(Canonical(Load(File.ReadAllText(RulesFile))), Canonical(Node.At(rule.Root, "spec")));
    }

    [Fact]
    public async Task KustomizePrometheusRule_RendersTheSourceRules()
    {
        var rule = (await Infrastructure.Kustomize.RenderAsync("config/prometheus")).Single("PrometheusRule");
        Assert.Equal(Canonical(Load(File.ReadAllText(RulesFile))), Canonical(Node.At(rule.Root, "spec")));
    }

    /// <summary>What the chart hands the Prometheus Operator must itself pass promtool (not only the source).</summary>
    [Fact]
    public async Task PromtoolCheckRules_ChartRender_Passes()
    {
        var rule = (await Helm.RenderAsync(ValueSet.Monitoring)).Single("PrometheusRule");
        var file = Path.Combine(Path.GetTempPath(), $"chart-rules-{Guid.NewGuid():N}.yaml");
        try
        {
            await File.WriteAllTextAsync(file, new SerializerBuilder().Build().Serialize(Node.At(rule.Root, "spec")));
            (await ProcessRunner.RunAsync(Tools.Promtool, ["check", "rules", file], TimeSpan.FromMinutes(1))).EnsureSuccess();
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static object? Load(string yaml) => new DeserializerBuilder().Build().Deserialize<object>(yaml);

    private static IReadOnlyList<object> Groups(object? spec) => Node.List(spec, "groups");

    private static string Canonical(object? node) => JsonSerializer.Serialize(Sort(node));

    private static object? Sort(object? node) => node switch
    {
        Dictionary<object, object> map => new SortedDictionary<string, object?>(map.ToDictionary(kv => (string)kv.Key, kv => Sort(kv.Value)), StringComparer.Ordinal),
        List<object> list => list.Select(Sort).ToList(),
        string text => text.TrimEnd('\n'),
        _ => node,
    };
}
