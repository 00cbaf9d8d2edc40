using k8s.Autorest;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;

namespace RolloutOperator.Controller.Tests.Reconciliation;

/// <summary>
/// A write the API server refuses (403, 413, 422) used to loop silently in the runtime's retry. Now it is reported on the
/// Rollout: a Warning Event and Degraded=True/WriteFailed carrying the API's message; both clear once the write succeeds.
/// </summary>
public sealed class WriteRejectedTests : IAsyncLifetime
{
    private ControllerHarness _h = null!;

    public async Task InitializeAsync() => _h = await ControllerHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData(403, "forbidden")]
    [InlineData(413, "Request entity too large")]
    [InlineData(422, "rejected by admission")]
    public async Task RevisionDeploymentWriteRejected_ConditionAndEventCarryTheApiMessage_ClearWhenTheFaultClears(int code, string apiMessage)
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        await _h.CreateRolloutAsync(RolloutManifests.Canary(_h.Namespace, "web:1"));
        _h.Emulator.Faults.InjectErrors(code, 1.0, r => r.Resource == "deployments" && r.IsWrite);

        for (var i = 0; i < 2; i++)
        {
            var error = await Assert.ThrowsAsync<HttpOperationException>(() => _h.ReconcileAsync());
            Assert.Equal(code, (int)error.Response.StatusCode);
        }

        var degraded = Degraded(await _h.GetRolloutAsync());
        Assert.Equal((ConditionStatus.True, "WriteFailed"), (degraded.Status, degraded.Reason));
        Assert.Contains($"with {code}: ", degraded.Message, StringComparison.Ordinal);
        Assert.Contains(apiMessage, degraded.Message, StringComparison.Ordinal);
        Assert.Contains("/deployments", degraded.Message, StringComparison.Ordinal);
        var warning = Assert.Single(await _h.EventsAsync(), e => (string?)e["reason"] == "WriteFailed");
        Assert.Equal("Warning", (string?)warning["type"]);
        Assert.Contains(apiMessage, (string?)warning["note"], StringComparison.Ordinal);
        Assert.Empty(await _h.DeploymentsAsync());

        _h.Emulator.Faults.Clear();
        var healthy = await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);

        Assert.Equal((ConditionStatus.False, "NotDegraded"), (Degraded(healthy).Status, Degraded(healthy).Reason));
    }

    [Fact]
    public async Task StatusWriteRejected_EventStillCarriesTheApiMessage()
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        await _h.CreateRolloutAsync(RolloutManifests.Canary(_h.Namespace, "web:1"));
        _h.Emulator.Faults.InjectErrors(413, 1.0, r => r.Resource == "rollouts" && r.Subresource == "status" && r.IsWrite);

        await Assert.ThrowsAsync<HttpOperationException>(() => _h.ReconcileAsync());

        var warning = Assert.Single(await _h.EventsAsync(), e => (string?)e["reason"] == "WriteFailed");
        Assert.Contains("/status with 413: Request entity too large", (string?)warning["note"], StringComparison.Ordinal);
    }

    private static Condition Degraded(Model.Rollout rollout) =>
        Assert.Single(rollout.Status!.Conditions!, c => c.Type == ConditionTypes.Degraded);
}
