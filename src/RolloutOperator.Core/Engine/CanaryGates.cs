using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>
/// Where webhook gates stand in a canary: confirm-rollout before any canary pod, pre-rollout once the first pods are
/// available but before any traffic, confirm-traffic-increase before each step that raises the weight, rollout at the end
/// of every step, confirm-promotion before the canary takes all traffic. A waiting gate holds the world where it is
/// (<see cref="StepOutcome.Hold"/>); a failed one aborts. Full promotion skips every gate: it is a person's override.
/// </summary>
internal static class CanaryGates
{
    public const string RolloutScope = "rollout";
    public const string PromotionScope = "promotion";

    public static string StepScope(int index) => $"step-{index}";

    /// <summary>confirm-rollout, then pre-rollout; not done while either holds (or the revision was aborted).</summary>
    public static StepOutcome BeforeFirstStep(DecisionContext ctx, CanaryPlan plan, int index, string canary, string stable)
    {
        if (index > 0 || ctx.Status.FullPromotion || ctx.Plan.Webhooks.Count == 0)
        {
            return StepOutcome.Passed;
        }

        // confirm-* gates never fail, so no abort delay applies.
        var confirm = GateKeeper.Passes(ctx, WebhookType.ConfirmRollout, RolloutScope, null, TimeSpan.Zero);
        if (!confirm.Done)
        {
            return confirm with { Hold = new CanaryStepState(0, 0, null, []) };
        }

        if (!GateKeeper.Any(ctx, WebhookType.PreRollout))
        {
            return StepOutcome.Passed;
        }

        var preTraffic = PreTraffic(ctx, plan);
        if (!Started(ctx, WebhookType.PreRollout) && !CanaryWorld.Apply(ctx, plan, preTraffic, canary, stable))
        {
            // Smoke tests need the pods: the gate starts once they are available (and still without traffic).
            var waiting = $"waiting for revision {canary} pods before its pre-rollout gates: {ctx.Available(canary)}/{preTraffic.CanaryReplicas(ctx.Plan.Replicas)} available";
            return StepOutcome.Wait(waiting) with { Hold = preTraffic };
        }

        return Resolve(GateKeeper.Passes(ctx, WebhookType.PreRollout, RolloutScope, null, CanaryDecider.AbortDelay(plan)), preTraffic);
    }

    /// <summary>confirm-traffic-increase before a step that raises the weight.</summary>
    public static StepOutcome BeforeStep(DecisionContext ctx, CanaryPlan plan, int index)
    {
        if (ctx.Status.FullPromotion || plan.Steps[index] is not SetWeightStepPlan step
            || step.Weight <= (index == 0 ? 0 : CanaryStepState.At(plan, index - 1).Weight)
            || !GateKeeper.Any(ctx, WebhookType.ConfirmTrafficIncrease))
        {
            return StepOutcome.Passed;
        }

        return Resolve(GateKeeper.Passes(ctx, WebhookType.ConfirmTrafficIncrease, StepScope(index), index, TimeSpan.Zero), HoldBefore(ctx, plan, index));
    }

    /// <summary>rollout gates at the end of every step: the step completes only once they pass.</summary>
    public static StepOutcome AfterStep(DecisionContext ctx, CanaryPlan plan, int index) =>
        ctx.Status.FullPromotion || !GateKeeper.Any(ctx, WebhookType.Rollout)
            ? StepOutcome.Passed
            : GateKeeper.Passes(ctx, WebhookType.Rollout, StepScope(index), index, CanaryDecider.AbortDelay(plan));

    /// <summary>confirm-promotion before the canary takes all traffic.</summary>
    public static StepOutcome BeforePromotion(DecisionContext ctx, CanaryPlan plan)
    {
        if (ctx.Status.FullPromotion || !GateKeeper.Any(ctx, WebhookType.ConfirmPromotion))
        {
            return StepOutcome.Passed;
        }

        return Resolve(GateKeeper.Passes(ctx, WebhookType.ConfirmPromotion, PromotionScope, null, TimeSpan.Zero), HoldBefore(ctx, plan, plan.Steps.Count));
    }

    // A waiting gate holds the world where it is; a passed gate holds nothing, and an aborted revision has its own world.
    private static StepOutcome Resolve(StepOutcome gate, CanaryStepState hold) =>
        gate.Done || gate.Aborted ? gate : gate with { Hold = hold };

    private static bool Started(DecisionContext ctx, WebhookType type) =>
        ctx.Status.Gates.Exists(g => g.Type == type && g.Revision == ctx.Target && g.Scope == RolloutScope);

    /// <summary>The world before step <paramref name="index"/> takes effect: the previous step's, or pods without traffic.</summary>
    private static CanaryStepState HoldBefore(DecisionContext ctx, CanaryPlan plan, int index) =>
        index == 0 ? PreTraffic(ctx, plan) : CanaryStepState.At(plan, index - 1);

    /// <summary>
    /// Canary pods without traffic. Without a router pods are traffic (they sit behind the same Service), so none start.
    /// </summary>
    private static CanaryStepState PreTraffic(DecisionContext ctx, CanaryPlan plan)
    {
        if (plan.Router is null || ctx.Plan.Replicas == 0)
        {
            return new CanaryStepState(0, 0, null, []);
        }

        return new CanaryStepState(0, Math.Max(1, CanaryStepState.At(plan, 0).CanaryReplicas(ctx.Plan.Replicas)), null, []);
    }
}
