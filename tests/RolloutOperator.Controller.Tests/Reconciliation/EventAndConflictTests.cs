using System.Text.RegularExpressions;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Tests.Reconciliation;

public sealed partial class EventAndConflictTests : IAsyncLifetime
{
    private ControllerHarness _h = null!;

    public async Task InitializeAsync() => _h = await ControllerHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task RepeatedWarning_SameReasonAndMessage_BumpsSeriesCountOnOneEvent()
    {
        // No Services exist: every reconcile wants to point them and reports it cannot.
        await _h.CreateRolloutAsync(RolloutManifests.Canary(_h.Namespace, "web:1"));
        for (var i = 0; i < 3; i++)
        {
            await _h.ReconcileAsync();
            _h.Clock.Advance(TimeSpan.FromSeconds(1.5));
        }

        var events = (await _h.EventsAsync()).Where(e => (string?)e["reason"] == "ServiceNotFound").ToList();
        Assert.Equal(2, events.Count); // one per Service (stable, canary): different messages
        foreach (var e in events)
        {
            Assert.Equal(3, (int?)e["series"]?["count"]);
            Assert.Matches(MicroTime(), (string?)e["eventTime"]);
            Assert.Matches(MicroTime(), (string?)e["series"]?["lastObservedTime"]);
            Assert.Equal("Rollout", (string?)e["regarding"]?["kind"]);
            Assert.Equal("rollout-operator.io/controller", (string?)e["reportingController"]);
            Assert.Equal("test-pod", (string?)e["reportingInstance"]);
        }
    }

    [Fact]
    public async Task StatusPatch_Conflict_IsRetriedOnAFreshRead()
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        await _h.CreateRolloutAsync(RolloutManifests.Canary(_h.Namespace, "web:1"));
        var fired = 0;
        _h.Emulator.Faults.InjectErrors(409, 1.0, r => r.Subresource == "status" && r.IsWrite && Interlocked.Exchange(ref fired, 1) == 0);

        await _h.ReconcileAsync();

        var statusWrites = _h.Emulator.Requests.Writes().Where(r => r.Request.Subresource == "status").Select(r => r.StatusCode).ToList();
        Assert.Equal([409, 200], statusWrites);
        Assert.NotNull((await _h.GetRolloutAsync()).Status!.StableRevision);
    }

    [Fact]
    public async Task StatusPatch_ConcurrentSpecChange_DecidesAgainOnTheNewSpec()
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        await _h.CreateRolloutAsync(RolloutManifests.Canary(_h.Namespace, "web:1"));
        await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);

        // The user edits the spec just before our status patch: the guarded patch gets 409 and the pass runs again.
        var edited = 0;
        _h.Emulator.Faults.InjectErrors(409, 1.0, r => r.Subresource == "status" && r.IsWrite && Interlocked.Exchange(ref edited, 1) == 0);
        await _h.SetImageAsync("web:2");
        await _h.ReconcileAsync();

        var rollout = await _h.GetRolloutAsync();
        Assert.Equal(rollout.Metadata.Generation, rollout.Status!.ObservedGeneration);
        Assert.NotNull(rollout.Status.CanaryRevision);
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")]
    private static partial Regex MicroTime();
}
