using k8s;
using RolloutOperator.Core.Api;
using RolloutOperator.EndToEnd.Tests.Support;
using static RolloutOperator.EndToEnd.Tests.Support.TestManifests;

namespace RolloutOperator.EndToEnd.Tests.Scenarios;

public sealed class IsolationEndToEndTests
{
    private const string AnalysisSteps = """
                - setWeight: 20
                - analysis: {templates: [{templateName: missing-template}]}
        """;

    [Fact]
    public async Task InvalidRollout_GetsInvalidSpecWithPath_OthersServed_FixRecovers()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        await cluster.ApplyAsync(Services("bad") + "\n---\n" + Canary(NoRouting, AnalysisSteps, app: "bad"));
        await cluster.ApplyAsync(Services() + "\n---\n" + Canary(NoRouting));
        await cluster.StartOperatorAsync();

        var bad = await cluster.WaitForRolloutAsync("bad", r => r.Status?.Conditions?.Any(c => c.Type == "InvalidSpec" && c.Status == ConditionStatus.True) == true, "InvalidSpec");
        var invalid = bad.Status!.Conditions!.Single(c => c.Type == "InvalidSpec");
        Assert.Contains("spec.strategy.canary.steps[1].analysis.templates[0].templateName", invalid.Message, StringComparison.Ordinal);
        Assert.Null(await cluster.FindDeploymentAsync($"bad-{bad.Status.StableRevision}"));
        await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Healthy, "the other Rollout is served");

        await cluster.ApplyAsync("""
            apiVersion: rollout-operator.io/v1alpha1
            kind: AnalysisTemplate
            metadata: {name: missing-template}
            spec:
              metrics:
                - name: ok
                  thresholdRange: {min: 0}
                  provider: {prometheus: {query: "vector(1)"}}
            """);
        var fixedRollout = await cluster.WaitForRolloutAsync("bad", r => r.Status?.Phase == RolloutPhase.Healthy, "recovered after the template appeared");
        Assert.Equal(ConditionStatus.False, fixedRollout.Status!.Conditions!.Single(c => c.Type == "InvalidSpec").Status);
    }
}
