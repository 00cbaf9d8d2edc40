using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>
/// The pure rollout engine: spec plan + status + observation → next status, actions, events and requeue time.
/// Deterministic: the same inputs always give the same decision.
/// </summary>
public static class RolloutDecider
{
    public static Decision Decide(RolloutPlan plan, RolloutStatus status, RolloutObservation observation)
    {
        var ctx = new DecisionContext(plan, status, observation);
        var abortDelay = AbortDelay(plan);
        RevisionTransitions.Apply(ctx);
        var promoteOne = CommandProcessor.Apply(ctx, abortDelay);
        GateKeeper.Record(ctx);
        ErrorBudgetGate.Record(ctx);
        var decided = DecideStrategy(ctx, promoteOne);
        var deadline = ProgressDeadline.Apply(ctx, abortDelay, decided);
        if (deadline.Aborted)
        {
            // The deadline aborted the revision: nothing the strategy decided moves any more; the world is the aborted one.
            DecideAborted(ctx);
        }

        var outcome = decided.Then(deadline);
        GateKeeper.Finish(ctx);
        var actions = new List<RolloutAction>();
        ScaleDownPlanner.Apply(ctx, actions);
        WorldDiff.Apply(ctx, plan.Strategy is CanaryPlan { Router: not null }, actions);
        BaselinePlanner.Apply(ctx, actions);
        var next = StatusSummarizer.Build(ctx, outcome);
        return new Decision(next, actions, ctx.Events, ctx.RequeueAfter());
    }

    /// <summary>The decision for a spec that does not parse: record why, touch nothing else, wait for the spec to change.</summary>
    public static Decision Invalid(RolloutStatus status, IReadOnlyList<string> errors, long generation, DateTimeOffset now)
    {
        var message = string.Join("; ", errors);
        if (message.Length > 4000)
        {
            message = message[..4000] + "…";
        }

        var set = new ConditionSet(status.Conditions, generation, now);
        set.Set(ConditionTypes.InvalidSpec, ConditionStatus.True, "InvalidSpec", message);
        set.Set(ConditionTypes.Ready, ConditionStatus.False, "InvalidSpec", message);
        set.Set(ConditionTypes.Progressing, ConditionStatus.False, "InvalidSpec", message);
        set.Set(ConditionTypes.Degraded, ConditionStatus.True, "InvalidSpec", message);
        KstatusConditions.Set(set, RolloutPhase.Degraded, "InvalidSpec", message);
        var changed = status.Conditions?.Find(c => c.Type == ConditionTypes.InvalidSpec) is not { Status: ConditionStatus.True } previous
            || previous.Message != message || status.ObservedGeneration != generation;
        var next = status with
        {
            ObservedGeneration = generation,
            Phase = RolloutPhase.Degraded,
            Message = "invalid spec: " + message,
            Conditions = set.ToList(),
        };
        RolloutEvent[] events = changed ? [new RolloutEvent(EventSeverity.Warning, "InvalidSpec", message)] : [];
        return new Decision(next, [], events, null);
    }

    private static StepOutcome DecideStrategy(DecisionContext ctx, bool promoteOne) => ctx.Plan.Strategy switch
    {
        CanaryPlan canary => CanaryDecider.Decide(ctx, canary, promoteOne),
        BlueGreenPlan blueGreen => BlueGreenDecider.Decide(ctx, blueGreen, promoteOne),
        _ => throw new InvalidOperationException($"unknown strategy {ctx.Plan.Strategy.GetType().Name}"),
    };

    private static void DecideAborted(DecisionContext ctx)
    {
        switch (ctx.Plan.Strategy)
        {
            case CanaryPlan canary:
                CanaryDecider.Aborted(ctx, canary);
                break;
            case BlueGreenPlan blueGreen:
                BlueGreenDecider.Aborted(ctx, blueGreen);
                break;
            default:
                throw new InvalidOperationException($"unknown strategy {ctx.Plan.Strategy.GetType().Name}");
        }
    }

    private static TimeSpan AbortDelay(RolloutPlan plan) => plan.Strategy switch
    {
        CanaryPlan canary => CanaryDecider.AbortDelay(canary),
        BlueGreenPlan blueGreen => blueGreen.AbortScaleDownDelay,
        _ => TimeSpan.Zero,
    };
}
