using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.Controller.Measurements;
using RolloutOperator.Controller.Tests.Analysis;
using RolloutOperator.Controller.Tests.PrometheusProvider;
using RolloutOperator.Controller.Tests.Reconciliation;
using RolloutOperator.Core.Api;
using RolloutOperator.Testing;

namespace RolloutOperator.Controller.Tests.Providers;

/// <summary>A web metric against an in-process endpoint: the value at the JSON path is judged; no data follows the policy.</summary>
public sealed class WebMetricReconcileTests
{
    private const string Token = "Bearer s3cr3t-checks-token";

    [Fact]
    public async Task WebMetric_ValueAtJsonPath_PassesStepWithSecretHeaderNeverShown()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        receiver.Answer = _ => new ReceiverAnswer(200, """{"data": {"ratio": 0.999}}""");
        await using var h = await StartAsync(receiver.Address, "Retry");
        await h.SetImageAsync("web:2");

        var done = await h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy, 40);

        var request = Assert.Single(receiver.To("ratio"));
        Assert.Equal("GET", request.Method);
        Assert.Equal(Token, request.Headers["Authorization"]);
        var metric = Assert.Single(Assert.Single(done.Status!.Analyses!).Metrics);
        Assert.Equal(AnalysisPhase.Successful, metric.Phase);
        var measurement = Assert.Single(metric.Measurements);
        Assert.Equal("0.999", measurement.Value);
        Assert.Equal($"GET {receiver.Address}ratio?rollout=web&revision={done.Status.StableRevision}", measurement.Query);
        Assert.DoesNotContain("s3cr3t", JsonSerializer.Serialize(done.Status), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebMetric_PathMissing_NoDataFailPolicyAbortsTheRollout()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        receiver.Answer = _ => new ReceiverAnswer(200, """{"data": {}}""");
        await using var h = await StartAsync(receiver.Address, "Fail");
        await h.SetImageAsync("web:2");

        var aborted = await h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Degraded, 40);

        Assert.NotNull(aborted.Status!.Abort);
        var metric = Assert.Single(Assert.Single(aborted.Status.Analyses!).Metrics);
        Assert.Equal(AnalysisPhase.Failed, metric.Phase);
        var measurement = Assert.Single(metric.Measurements);
        Assert.True(measurement.NoData);
        Assert.Null(measurement.Value);
    }

    private static async Task<ControllerHarness> StartAsync(Uri endpoint, string noDataPolicy)
    {
        var h = await ControllerHarness.StartAsync(measurements: clock => new MeasurementService(
            new ScriptedProvider(), new InMemorySecrets().With("apps", "checks", "token", Token), clock, NullLogger<MeasurementService>.Instance));
        await h.CreateServicesAsync("web-stable", "web-canary");
        await h.CreateRolloutAsync(RolloutManifests.Canary(h.Namespace, "web:1", ProviderSteps.Around(ProviderSteps.Web(endpoint, noDataPolicy))));
        await h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        return h;
    }
}
