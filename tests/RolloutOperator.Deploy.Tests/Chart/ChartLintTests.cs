using RolloutOperator.Deploy.Tests.Infrastructure;

namespace RolloutOperator.Deploy.Tests.Chart;

public sealed class ChartLintTests
{
    [Theory]
    [MemberData(nameof(ValueSet.Names), MemberType = typeof(ValueSet))]
    public async Task HelmLintStrict_CiValueSet_Passes(string name)
    {
        var result = await Helm.RunAsync("lint", "--strict", Helm.ChartDir, "--namespace", Helm.Namespace, "--values", ValueSet.Named(name).File);
        result.EnsureSuccess();
        Assert.Contains("0 chart(s) failed", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelmVersion_IsV4()
    {
        var result = (await Helm.RunAsync("version", "--short")).EnsureSuccess();
        Assert.StartsWith("v4.", result.Stdout.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void CiValueSets_AreAllCovered()
    {
        var files = Directory.GetFiles(Path.Combine(Helm.ChartDir, "ci"), "*-values.yaml").Select(Path.GetFileName).Order();
        Assert.Equal(ValueSet.All.Select(v => $"{v.Name}-values.yaml").Order(), files);
    }
}
