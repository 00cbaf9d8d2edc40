using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Core.Tests.Engine.Support;
using static RolloutOperator.Core.Tests.Engine.Support.Plans;

namespace RolloutOperator.Core.Tests.Engine;

/// <summary>Webhook gates and hooks as timelines: what holds, where the world stands while it holds, what aborts.</summary>
public sealed class WebhookGateScenarioTests
{
    private static WebhookPlan Hook(string name, WebhookType type, int failureLimit = 0, int intervalSeconds = 10) => new(
        name, type, new Uri($"http://hooks.test/{name}"), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(intervalSeconds), failureLimit, [], new Dictionary<string, string>());

    private static Scenario Rolling(RolloutPlan plan, params WebhookPlan[] webhooks)
    {
        var s = new Scenario(plan with { Revision = "v1", Webhooks = webhooks });
        if (plan.Strategy is BlueGreenPlan)
        {
            s.Cluster.Services.Clear();
            s.Cluster.Services[ServiceRole.Active] = null;
            s.Cluster.Services[ServiceRole.Preview] = null;
        }

        s.RunUntil(x => x.IsHealthy);
        s.DeployNew("v2");
        return s;
    }

    private static GateStatus Gate(Scenario s, string name) => s.Status.Gates!.Single(g => g.Name == name);

    [Fact]
    public void ConfirmRollout_SaysNo_NoCanaryPodsNoTrafficAndReportedUntilItSaysYes()
    {
        var s = Rolling(Canary("v1", Weight(50)), Hook("approve", WebhookType.ConfirmRollout));
        var approved = false;
        s.Webhooks = _ => approved;

        s.RunFor(TimeSpan.FromSeconds(60));

        Assert.Equal(0, s.Cluster.Replicas("v2"));
        Assert.Equal(0, s.Cluster.CanaryWeight);
        Assert.Equal(GatePhase.Waiting, Gate(s, "approve").Phase);
        Assert.Equal(RolloutPhase.Progressing, s.Status.Phase);
        Assert.StartsWith("waiting for confirm-rollout gate approve: HTTP 412", s.Status.Message, StringComparison.Ordinal);
        Assert.Equal(GateKeeper.WaitingForConfirmation, s.Condition(ConditionTypes.Progressing).Reason);
        Assert.Equal(ConditionStatus.True, s.Condition(ConditionTypes.Reconciling).Status);
        Assert.Single(s.Events, e => e.Reason == "GateWaiting");

        approved = true;
        s.RunUntil(x => x.Status.StableRevision == "v2");
        Assert.Contains(s.Events, e => e.Reason == "GatePassed");
    }

    [Fact]
    public void Gate_CalledAtMostOncePerInterval_AndRequeuesAtItsNextCall()
    {
        var s = Rolling(Canary("v1", Weight(50)), Hook("approve", WebhookType.ConfirmRollout, intervalSeconds: 10));
        s.Webhooks = _ => false;

        s.RunFor(TimeSpan.FromSeconds(60), tick: TimeSpan.FromSeconds(1));

        var calls = s.GateCalls.Select(c => c.At).ToList();
        Assert.InRange(calls.Count, 6, 7);
        Assert.All(calls.Zip(calls.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(10)));
        var requeue = s.Last.RequeueAfter;
        Assert.NotNull(requeue);
        Assert.InRange(requeue!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void PreRollout_Failing_PodsRunWithoutTrafficThenReleasedWhenItPasses()
    {
        var s = Rolling(Canary("v1", Weight(25), Pause(10)), Hook("smoke", WebhookType.PreRollout, failureLimit: 100, intervalSeconds: 5));
        var healthy = false;
        s.Webhooks = _ => healthy;

        s.RunFor(TimeSpan.FromSeconds(60));

        Assert.Equal(1, s.Cluster.Replicas("v2"));
        Assert.Equal(0, s.Cluster.CanaryWeight);
        Assert.Equal(GateKeeper.WaitingForGate, s.Condition(ConditionTypes.Progressing).Reason);
        Assert.True(Gate(s, "smoke").Failures > 5);

        healthy = true;
        var weights = new List<int>();
        s.RunUntil(x =>
        {
            weights.Add(x.Cluster.CanaryWeight);
            return x.Status.StableRevision == "v2";
        });
        Assert.Equal([25, 100], weights.Distinct().ToArray());
    }

    [Fact]
    public void PreRollout_FailuresBeyondLimit_AbortWithGateFailed()
    {
        var s = Rolling(Canary("v1", Weight(25)), Hook("smoke", WebhookType.PreRollout, failureLimit: 2, intervalSeconds: 5));
        s.Webhooks = _ => false;

        s.RunUntil(x => x.Status.Abort is not null);

        Assert.Equal(AbortReasons.GateFailed, s.Status.Abort!.Reason);
        Assert.Contains("pre-rollout gate smoke failed after 3 failed calls", s.Status.Abort.Message, StringComparison.Ordinal);
        Assert.Equal(0, s.Cluster.CanaryWeight);
        Assert.Equal(GatePhase.Failed, Gate(s, "smoke").Phase);
    }

    [Fact]
    public void ConfirmTrafficIncrease_HoldsEachIncreaseAtThePreviousWeight()
    {
        var s = Rolling(Canary("v1", Weight(20), Weight(50)), Hook("more", WebhookType.ConfirmTrafficIncrease));
        var allowedSteps = 1;
        s.Webhooks = due => due.Gate.StepIndex < allowedSteps;

        s.RunFor(TimeSpan.FromSeconds(90));
        Assert.Equal(20, s.Cluster.CanaryWeight);
        Assert.Equal(1, s.Status.CurrentStepIndex);
        Assert.Equal("step-1", Gate(s, "more").Scope);

        allowedSteps = 2;
        s.RunUntil(x => x.Status.StableRevision == "v2");
    }

    [Fact]
    public void RolloutGate_FailingAtAStep_AbortsAfterItsFailureLimit()
    {
        var s = Rolling(Canary("v1", Weight(20), Weight(50)), Hook("check", WebhookType.Rollout, failureLimit: 1, intervalSeconds: 5));
        s.Webhooks = due => due.Gate.StepIndex == 0;

        s.RunUntil(x => x.Status.Abort is not null);

        Assert.Equal(AbortReasons.GateFailed, s.Status.Abort!.Reason);
        Assert.Equal("step-1", Gate(s, "check").Scope);
        Assert.Equal(2, Gate(s, "check").Failures);
    }

    [Fact]
    public void ConfirmPromotion_HeldTooLong_ReportsProgressDeadlineExceeded()
    {
        var s = Rolling(Canary("v1", Weight(40)), Hook("release", WebhookType.ConfirmPromotion));
        s.Plan = s.Plan with { ProgressDeadline = TimeSpan.FromMinutes(2) };
        s.Webhooks = _ => false;

        s.RunUntil(x => x.Status.Phase == RolloutPhase.Degraded, maxReconciles: 400);

        Assert.Equal(40, s.Cluster.CanaryWeight);
        Assert.Equal(AbortReasons.ProgressDeadline, s.Condition(ConditionTypes.Degraded).Reason);
        Assert.Contains("confirm-promotion gate release", s.Status.Message, StringComparison.Ordinal);
        Assert.Equal(ConditionStatus.True, s.Condition(ConditionTypes.Stalled).Status);
    }

    [Fact]
    public void ConfirmPromotion_SaysYes_Promotes()
    {
        var s = Rolling(Canary("v1", Weight(40)), Hook("release", WebhookType.ConfirmPromotion));
        var release = false;
        s.Webhooks = _ => release;
        s.RunFor(TimeSpan.FromSeconds(60));
        Assert.Equal(40, s.Cluster.CanaryWeight);
        Assert.Equal("v1", s.Status.StableRevision);

        release = true;
        s.RunUntil(x => x.Status.StableRevision == "v2");
    }

    [Fact]
    public void PostRolloutHookFails_ReportedOnceAndNothingRolledBack()
    {
        var s = Rolling(Canary("v1", Weight(40)), Hook("after", WebhookType.PostRollout, failureLimit: 1, intervalSeconds: 5));
        s.Webhooks = due => due.Webhook.Type != WebhookType.PostRollout;

        s.RunUntil(x => x.Status.Gates?.SingleOrDefault(g => g.Name == "after" && g.Revision == "v2")?.Phase == GatePhase.Failed);
        s.RunFor(TimeSpan.FromSeconds(60));

        Assert.Equal("v2", s.Status.StableRevision);
        Assert.Null(s.Status.Abort);
        Assert.Single(s.Events, e => e.Reason == "HookFailed" && e.Message.Contains("v2", StringComparison.Ordinal));
        Assert.Equal(2, s.GateCalls.Count(c => c.Due.Gate.Name == "after" && c.Due.Gate.Revision == "v2"));
    }

    [Fact]
    public void RollbackHook_FiresOncePerAbort()
    {
        var s = Rolling(Canary("v1", Weight(40), Pause()), Hook("undo", WebhookType.Rollback));
        s.RunUntil(x => x.Status.Pauses is { Count: > 0 });

        s.Command(CommandKind.Abort);
        s.RunFor(TimeSpan.FromSeconds(60));
        Assert.Single(s.GateCalls, c => c.Due.Gate.Name == "undo");

        s.Command(CommandKind.Retry);
        s.RunUntil(x => x.Status.Pauses is { Count: > 0 } && x.Status.Abort is null);
        s.Advance(TimeSpan.FromSeconds(2));
        s.Command(CommandKind.Abort);
        s.RunFor(TimeSpan.FromSeconds(60));
        Assert.Equal(2, s.GateCalls.Count(c => c.Due.Gate.Name == "undo"));
    }

    [Fact]
    public void BlueGreen_ConfirmRolloutAndConfirmPromotion_HoldPreviewPodsAndTheSwitch()
    {
        var plan = Rollout("v1", BlueGreen());
        var s = Rolling(plan, Hook("start", WebhookType.ConfirmRollout), Hook("switch", WebhookType.ConfirmPromotion));
        var (start, flip) = (false, false);
        s.Webhooks = due => due.Webhook.Type == WebhookType.ConfirmRollout ? start : flip;

        s.RunFor(TimeSpan.FromSeconds(30));
        Assert.Equal(0, s.Cluster.Replicas("v2"));

        start = true;
        s.RunFor(TimeSpan.FromSeconds(60));
        Assert.Equal(4, s.Cluster.Replicas("v2"));
        Assert.Equal("v1", s.Cluster.Services[ServiceRole.Active]);
        Assert.Equal(GateKeeper.WaitingForConfirmation, s.Condition(ConditionTypes.Progressing).Reason);

        flip = true;
        s.RunUntil(x => x.Status.StableRevision == "v2");
        Assert.Equal("v2", s.Cluster.Services[ServiceRole.Active]);
    }

    [Fact]
    public void FullPromotion_SkipsWaitingGates()
    {
        var s = Rolling(Canary("v1", Weight(40)), Hook("release", WebhookType.ConfirmPromotion));
        s.Webhooks = _ => false;
        s.RunFor(TimeSpan.FromSeconds(30));

        s.Command(CommandKind.PromoteFull);
        s.RunUntil(x => x.Status.StableRevision == "v2");
    }
}
