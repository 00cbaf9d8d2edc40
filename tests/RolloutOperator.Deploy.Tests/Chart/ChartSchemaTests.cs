using RolloutOperator.Deploy.Tests.Infrastructure;

namespace RolloutOperator.Deploy.Tests.Chart;

/// <summary>values.schema.json is enforced by helm itself: wrong values must fail the render, not produce a bad pod.</summary>
public sealed class ChartSchemaTests
{
    [Theory]
    [InlineData("replicaCount=two", "replicaCount")]
    [InlineData("image.digest=latest", "digest")]
    [InlineData("controller.logFormat=xml", "logFormat")]
    [InlineData("leaderElection.enabled=maybe", "enabled")]
    [InlineData("watchNamespaces[0]=Not_A_Namespace", "watchNamespaces")]
    [InlineData("replicaCuont=2", "replicaCuont")]
    [InlineData("leaderElection.leaseDurationSeconds=0", "leaseDurationSeconds")]
    [InlineData("podAntiAffinity=sometimes", "podAntiAffinity")]
    public async Task HelmTemplate_ValueViolatesSchema_Fails(string assignment, string mentioned)
    {
        var result = await Helm.TemplateAsync(["--set", assignment]);
        Assert.True(result.ExitCode != 0, $"helm accepted --set {assignment}");
        Assert.Contains(mentioned, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelmTemplate_ValidOverrides_Succeed()
    {
        var result = await Helm.TemplateAsync(["--set", "replicaCount=3", "--set", "controller.logFormat=console", "--set", "leaderElection.enabled=true"]);
        result.EnsureSuccess();
    }
}
