using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Tests.Reconciliation;

public sealed class BlueGreenCommandTests : IAsyncLifetime
{
    private ControllerHarness _h = null!;

    public async Task InitializeAsync() => _h = await ControllerHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task PromoteCommand_ForPreviewRevision_SwitchesActiveServiceAndScalesOldDownAfterDelay()
    {
        var (stable, preview) = await StartPreviewAsync();

        await _h.CommandAsync("promote", preview, "cmd-1");
        var promoted = await _h.ReconcileUntilAsync(r => r.Status?.StableRevision == preview && r.Status.Phase == RolloutPhase.Healthy, 6);
        Assert.Equal("cmd-1", promoted.Status!.LastCommandId);
        Assert.Equal(preview, (await _h.SelectorOfAsync("web-stable"))[ApiGroup.RevisionLabel]);
        Assert.Equal(2, await ReplicasAsync(stable));

        _h.Clock.Advance(TimeSpan.FromSeconds(31));
        await _h.ReconcileAsync();
        Assert.Equal(0, await ReplicasAsync(stable));
    }

    [Fact]
    public async Task PromoteCommand_ForStaleRevision_IsIgnoredWithEvent()
    {
        var (stable, preview) = await StartPreviewAsync();

        await _h.CommandAsync("promote", stable, "cmd-stale");
        await _h.ReconcileAsync();
        await _h.ReconcileAsync();

        var rollout = await _h.GetRolloutAsync();
        Assert.Equal(stable, rollout.Status!.StableRevision);
        Assert.Equal("cmd-stale", rollout.Status.LastCommandId);
        Assert.Equal(stable, (await _h.SelectorOfAsync("web-stable"))[ApiGroup.RevisionLabel]);
        Assert.Contains(await _h.EventsAsync(), e => (string?)e["reason"] == "CommandIgnored" && (string?)e["type"] == "Warning");
        Assert.Equal(preview, rollout.Status.CanaryRevision);
    }

    [Fact]
    public async Task AbortThenRetry_ForPreviewRevision_AbortsAndResumes()
    {
        var (_, preview) = await StartPreviewAsync();

        await _h.CommandAsync("abort", preview, "cmd-abort");
        var aborted = await _h.ReconcileUntilAsync(r => r.Status?.Abort is not null, 3);
        Assert.Equal(RolloutPhase.Degraded, aborted.Status!.Phase);

        await _h.CommandAsync("retry", preview, "cmd-retry");
        var retried = await _h.ReconcileUntilAsync(r => r.Status?.Abort is null && r.Status?.LastCommandId == "cmd-retry", 3);
        Assert.Equal(preview, retried.Status!.CanaryRevision);
    }

    [Fact]
    public async Task MalformedCommand_IsReportedOnceAndIgnored()
    {
        await StartPreviewAsync();
        await _h.PatchRolloutAsync(System.Text.Json.Nodes.JsonNode.Parse("""{"metadata":{"annotations":{"rollout-operator.io/command":"{not json"}}}""")!.AsObject());

        await _h.ReconcileAsync();
        await _h.ReconcileAsync();

        var invalid = (await _h.EventsAsync()).Where(e => (string?)e["reason"] == "InvalidCommand").ToList();
        Assert.Single(invalid);
        Assert.Null(invalid[0]["series"]);
    }

    private async Task<(string Stable, string Preview)> StartPreviewAsync()
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        await _h.CreateRolloutAsync(RolloutManifests.BlueGreen(_h.Namespace, "web:1"));
        var stable = (await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy)).Status!.StableRevision!;
        await _h.SetImageAsync("web:2");
        var paused = await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Paused, 6);
        var preview = paused.Status!.CanaryRevision!;
        Assert.Equal(preview, (await _h.SelectorOfAsync("web-canary"))[ApiGroup.RevisionLabel]);
        Assert.Equal(stable, (await _h.SelectorOfAsync("web-stable"))[ApiGroup.RevisionLabel]);
        return (stable, preview);
    }

    private async Task<int?> ReplicasAsync(string revision) =>
        (await _h.DeploymentsAsync()).Single(d => d.Metadata.Name == $"web-{revision}").Spec.Replicas;
}
