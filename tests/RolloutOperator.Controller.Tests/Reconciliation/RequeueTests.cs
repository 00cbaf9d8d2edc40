using RolloutOperator.Controller.Reconciliation;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Tests.Reconciliation;

/// <summary>A timed wait counts from the decision, not from the end of the reconcile that carried it out.</summary>
public sealed class RequeueTests
{
    private static readonly DateTimeOffset DecidedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PauseOfTenSeconds_ReconcileSpentThreeOnItsWrites_WakesSevenSecondsAfterItReturns()
    {
        var requeue = RolloutSync.Requeue(Plan(), Waiting(TimeSpan.FromSeconds(10)), Observation(), TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(7), requeue);
    }

    [Fact]
    public void WakeUp_AlreadyPassedWhenTheReconcileReturns_RequeuesAtOnce()
    {
        var requeue = RolloutSync.Requeue(Plan(), Waiting(TimeSpan.FromSeconds(1)), Observation(), TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.Zero, requeue);
    }

    [Fact]
    public void NoWakeUp_StaysNone()
    {
        Assert.Null(RolloutSync.Requeue(Plan(), Waiting(null), Observation(), TimeSpan.FromSeconds(2)));
    }

    private static RolloutPlan Plan()
    {
        var spec = ApiJson.Deserialize<RolloutSpec>(RolloutManifests.Canary("apps", "app:v1")["spec"]!.ToJsonString())!;
        return SpecParser.Parse(spec, ParseContext.Offline([])).Plan!;
    }

    private static Decision Waiting(TimeSpan? after) => new(new RolloutStatus(), [], [], after);

    private static RolloutObservation Observation() => new(DecidedAt, 1, new Dictionary<string, RevisionObservation>(), null, new Dictionary<ServiceRole, string?>(), [], []);
}
