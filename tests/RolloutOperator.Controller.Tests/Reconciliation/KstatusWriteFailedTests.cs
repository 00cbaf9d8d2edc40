using System.Text.Json.Nodes;
using k8s.Autorest;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Testing;

namespace RolloutOperator.Controller.Tests.Reconciliation;

/// <summary>
/// A refused write leaves the last decided status in place. If that status predates the spec, the Rollout must still
/// read as in progress to a health check, also when it never had an observedGeneration for kstatus to compare.
/// </summary>
public sealed class KstatusWriteFailedTests : IAsyncLifetime
{
    private ControllerHarness _h = null!;

    public async Task InitializeAsync() => _h = await ControllerHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task FirstRevisionWriteRefused_NoObservedGenerationYet_HealthCheckSeesInProgress()
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        await _h.CreateRolloutAsync(RolloutManifests.Canary(_h.Namespace, "web:1"));
        _h.Emulator.Faults.InjectErrors(403, 1.0, r => r.Resource == "deployments" && r.IsWrite);

        await Assert.ThrowsAsync<HttpOperationException>(() => _h.ReconcileAsync());

        var rollout = await _h.GetRolloutAsync();
        Assert.Null(rollout.Status!.ObservedGeneration);
        var reconciling = Assert.Single(rollout.Status.Conditions!, c => c.Type == ConditionTypes.Reconciling);
        Assert.Equal((ConditionStatus.True, "LatestGenerationNotObserved"), (reconciling.Status, reconciling.Reason));
        Assert.Equal(Kstatus.InProgress, Kstatus.Compute(Resource(rollout)));
    }

    [Fact]
    public async Task NewRevisionWriteRefused_ThenAllowed_InProgressUntilRolledOutThenCurrent()
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        await _h.CreateRolloutAsync(RolloutManifests.Canary(_h.Namespace, "web:1"));
        var healthy = await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        Assert.Equal(Kstatus.Current, Kstatus.Compute(Resource(healthy)));

        await _h.SetImageAsync("web:2");
        _h.Emulator.Faults.InjectErrors(403, 1.0, r => r.Resource == "deployments" && r.IsWrite);
        await Assert.ThrowsAsync<HttpOperationException>(() => _h.ReconcileAsync());

        var refused = await _h.GetRolloutAsync();
        Assert.Equal(ConditionStatus.True, refused.Status!.Conditions!.Single(c => c.Type == ConditionTypes.Reconciling).Status);
        Assert.Equal(Kstatus.InProgress, Kstatus.Compute(Resource(refused)));

        _h.Emulator.Faults.Clear();
        var rolling = await _h.ReconcileUntilAsync(r => r.Status?.CanaryRevision is not null);
        Assert.Equal(Kstatus.InProgress, Kstatus.Compute(Resource(rolling)));
        var done = await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy && r.Status.CanaryRevision is null, maxReconciles: 60);
        Assert.Equal(Kstatus.Current, Kstatus.Compute(Resource(done)));
    }

    private static JsonNode Resource(Model.Rollout rollout) => new JsonObject
    {
        ["metadata"] = new JsonObject { ["generation"] = rollout.Metadata.Generation },
        ["status"] = JsonNode.Parse(ApiJson.Serialize(rollout.Status)),
    };
}
