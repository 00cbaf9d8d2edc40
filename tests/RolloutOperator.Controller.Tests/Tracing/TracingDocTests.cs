using System.Reflection;
using RolloutOperator.Core.Tracing;

namespace RolloutOperator.Controller.Tests.Tracing;

/// <summary>docs/tracing.md documents every span attribute the operator sets.</summary>
public sealed class TracingDocTests
{
    [Fact]
    public void AttributesTable_ListsEverySpanAttribute()
    {
        var doc = File.ReadAllText(Path.Combine(RolloutOperator.Testing.TestPaths.RepoRoot, "docs", "tracing.md"));
        var names = typeof(SpanAttributes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Contains($"| `{name}` |", doc, StringComparison.Ordinal));
    }
}
