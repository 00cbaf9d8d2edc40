using RolloutOperator.Deploy.Tests.Infrastructure;
using YamlDotNet.Serialization;

namespace RolloutOperator.Deploy.Tests.Chart;

public sealed class ChartReadmeTests
{
    // Whole objects documented as one row: their fields are Kubernetes API fields, not chart options.
    private static readonly string[] FreeForm = ["podSecurityContext", "securityContext", "resources"];

    [Fact]
    public void ValuesTable_ListsEveryValue()
    {
        var readme = File.ReadAllText(Path.Combine(Helm.ChartDir, "README.md"));
        var values = new DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(Path.Combine(Helm.ChartDir, "values.yaml")));
        Assert.All(Leaves(values, ""), key => Assert.Contains($"| `{key}` |", readme, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Leaves(object? node, string prefix) =>
        node is Dictionary<object, object> { Count: > 0 } map && !FreeForm.Contains(prefix)
            ? map.SelectMany(kv => Leaves(kv.Value, prefix.Length == 0 ? (string)kv.Key : $"{prefix}.{kv.Key}"))
            : [prefix];
}
