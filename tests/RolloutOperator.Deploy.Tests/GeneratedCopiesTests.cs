using RolloutOperator.Deploy.Tests.Infrastructure;

namespace RolloutOperator.Deploy.Tests;

public sealed class GeneratedCopiesTests
{
    /// <summary>Chart CRDs and alert rules, the kustomize PrometheusRule and the argocd-cm entries are generated copies.</summary>
    [Fact]
    public async Task SyncGeneratedCheck_ReportsNothingStale()
    {
        var result = await ProcessRunner.RunAsync("bash", [RepoPaths.Of("scripts", "sync-generated.sh"), "--check"], TimeSpan.FromMinutes(1));
        result.EnsureSuccess();
    }
}
