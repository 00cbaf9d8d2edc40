using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Cli.Planning;

/// <summary>
/// Puts webhook gates and hooks into the timeline where the engine checks them, holding the state that holds while
/// they wait. A confirm-* gate waits until its endpoint says yes, bounded by the progress deadline; pre-rollout and
/// rollout gates by their failure limit; hooks hold nothing.
/// </summary>
internal static class GateTimeline
{
    public static List<PlanStage> Canary(List<PlanStage> stages, RolloutPlan plan, CanaryPlan canary)
    {
        if (plan.Webhooks.Count == 0)
        {
            return stages;
        }

        var result = new List<PlanStage>();
        var steps = canary.Steps.Count;
        var preTraffic = stages[0] with { Weight = 0, StableReplicas = plan.Replicas, CanaryReplicas = PreTrafficReplicas(plan, canary), HeaderRoutes = [], MirrorRoutes = [] };
        Add(result, plan, WebhookType.ConfirmRollout, preTraffic with { CanaryReplicas = 0 });
        Add(result, plan, WebhookType.PreRollout, preTraffic);
        var previousWeight = 0;
        for (var i = 0; i < steps; i++)
        {
            if (canary.Steps[i] is SetWeightStepPlan step && step.Weight > previousWeight)
            {
                Add(result, plan, WebhookType.ConfirmTrafficIncrease, i == 0 ? preTraffic : stages[i - 1]);
            }

            previousWeight = stages[i].Weight;
            result.Add(stages[i]);
            Add(result, plan, WebhookType.Rollout, stages[i]);
        }

        Add(result, plan, WebhookType.ConfirmPromotion, steps == 0 ? preTraffic : stages[steps - 1]);
        result.Add(stages[^1]);
        Add(result, plan, WebhookType.PostRollout, stages[^1]);
        return Renumbered(result);
    }

    public static List<PlanStage> BlueGreen(List<PlanStage> stages, RolloutPlan plan)
    {
        if (plan.Webhooks.Count == 0)
        {
            return stages;
        }

        var result = new List<PlanStage>();
        Add(result, plan, WebhookType.ConfirmRollout, stages[0] with { CanaryReplicas = 0 });
        result.Add(stages[0]);
        Add(result, plan, WebhookType.PreRollout, stages[0]);
        Add(result, plan, WebhookType.Rollout, stages[0]);
        var switchAt = stages.FindIndex(s => s.Action == "switch active Service");
        for (var i = 1; i < stages.Count; i++)
        {
            if (i == switchAt)
            {
                Add(result, plan, WebhookType.ConfirmPromotion, stages[i - 1] with { Pause = null, Analysis = null });
            }

            result.Add(stages[i]);
        }

        Add(result, plan, WebhookType.PostRollout, stages[^1] with { Analysis = null });
        return Renumbered(result);
    }

    /// <summary>Notes for the hooks that are not a point of the timeline.</summary>
    public static IEnumerable<string> Notes(RolloutPlan plan)
    {
        if (plan.Webhooks.Any(w => w.Type is WebhookType.ConfirmRollout or WebhookType.ConfirmTrafficIncrease or WebhookType.ConfirmPromotion))
        {
            yield return $"confirm-* gates hold until their endpoint answers 2xx (one call per interval), bounded by the progress deadline ({DurationText.Format(plan.ProgressDeadline)}).";
        }

        foreach (var type in new[] { WebhookType.Rollback, WebhookType.Event })
        {
            var names = plan.Webhooks.Where(w => w.Type == type).Select(w => w.Name).ToList();
            if (names.Count > 0)
            {
                yield return type == WebhookType.Rollback
                    ? $"rollback hooks ({string.Join(", ", names)}) are called once on every abort."
                    : $"event webhooks ({string.Join(", ", names)}) receive every rollout event; they never hold the rollout.";
            }
        }
    }

    private static void Add(List<PlanStage> result, RolloutPlan plan, WebhookType type, PlanStage state)
    {
        foreach (var webhook in plan.Webhooks.Where(w => w.Type == type))
        {
            var hook = type == WebhookType.PostRollout;
            result.Add(state with
            {
                Action = $"{(hook ? "hook" : "gate")} {Type(type)}: {webhook.Name}",
                Pause = null,
                Analysis = null,
                MinSeconds = 0,
                MaxSeconds = hook ? 0 : MaxSeconds(plan, webhook),
            });
        }
    }

    private static long MaxSeconds(RolloutPlan plan, WebhookPlan webhook) => webhook.Type is WebhookType.PreRollout or WebhookType.Rollout
        ? (long)Math.Ceiling((webhook.FailureLimit + 1) * (webhook.Interval + webhook.Timeout).TotalSeconds)
        : (long)plan.ProgressDeadline.TotalSeconds;

    private static int PreTrafficReplicas(RolloutPlan plan, CanaryPlan canary) =>
        canary.Router is null || plan.Replicas == 0 ? 0 : Math.Max(1, CanaryStepState.At(canary, 0).CanaryReplicas(plan.Replicas));

    private static List<PlanStage> Renumbered(List<PlanStage> stages) => [.. stages.Select((s, i) => s with { Number = i + 1 })];

    private static string Type(WebhookType type) => ApiJson.Serialize(type).Trim('"');
}
