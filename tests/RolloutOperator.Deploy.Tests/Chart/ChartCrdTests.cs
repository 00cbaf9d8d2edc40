using RolloutOperator.Deploy.Tests.Infrastructure;

namespace RolloutOperator.Deploy.Tests.Chart;

public sealed class ChartCrdTests
{
    /// <summary>Helm cannot read files outside the chart, so it carries a copy; refresh with scripts/sync-generated.sh.</summary>
    [Fact]
    public void ChartCrds_AreByteIdenticalToGeneratedCrds()
    {
        var source = Directory.GetFiles(RepoPaths.Of("crds"), "*.yaml").Where(f => Path.GetFileName(f) != "kustomization.yaml").ToList();
        var copies = Directory.GetFiles(RepoPaths.Of("charts", "rollout-operator", "crds"));
        Assert.NotEmpty(source);
        Assert.Equal(source.Select(Path.GetFileName).Order(), copies.Select(Path.GetFileName).Order());
        foreach (var file in source)
        {
            var copy = RepoPaths.Of("charts", "rollout-operator", "crds", Path.GetFileName(file));
            Assert.True(
                File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(copy)),
                $"{copy} differs from {file}: run scripts/sync-generated.sh");
        }
    }
}
