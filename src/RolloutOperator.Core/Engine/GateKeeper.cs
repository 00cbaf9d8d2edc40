using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>
/// Webhook gates and hooks, decided from status and the answers of this reconcile's calls. One status entry per webhook
/// holds the revision and point (scope) it was last asked about. A gate that is asked about a point it has not seen
/// starts waiting there; the controller calls it when it is due (at most once per interval) and the answer moves it on.
/// confirm-* gates never fail: "no" means not yet, and the progress deadline bounds the wait. pre-rollout and rollout
/// gates count failures, and one beyond failureLimit fails them (the caller aborts). Hooks (post-rollout, rollback) are
/// fired once per point and retried up to failureLimit; their failure is reported and changes nothing else.
/// </summary>
internal static class GateKeeper
{
    /// <summary>Progressing/Reconciling reason while a confirm-* gate holds: someone or something must say yes.</summary>
    public const string WaitingForConfirmation = "WaitingForConfirmation";

    /// <summary>Progressing/Reconciling reason while a pre-rollout or rollout gate holds.</summary>
    public const string WaitingForGate = "WaitingForGate";

    private const int MaxMessage = 512;

    public static bool IsHook(WebhookType type) => type is WebhookType.PostRollout or WebhookType.Rollback or WebhookType.Event;

    public static bool IsConfirm(WebhookType type) =>
        type is WebhookType.ConfirmRollout or WebhookType.ConfirmTrafficIncrease or WebhookType.ConfirmPromotion;

    public static bool Any(DecisionContext ctx, WebhookType type) => ctx.Plan.Webhooks.Any(w => w.Type == type);

    /// <summary>Applies the answers of the calls made this reconcile to the gates they were made for.</summary>
    public static void Record(DecisionContext ctx)
    {
        foreach (var result in ctx.Observation.GateResults)
        {
            var index = ctx.Status.Gates.FindIndex(g =>
                g.Name == result.Name && g.Revision == result.Revision && g.Scope == result.Scope && g.Phase == GatePhase.Waiting);
            if (index >= 0 && ctx.Plan.Webhooks.FirstOrDefault(w => w.Name == result.Name) is { } webhook && webhook.Type == ctx.Status.Gates[index].Type)
            {
                ctx.Status.Gates[index] = Answered(ctx, ctx.Status.Gates[index], webhook, result);
            }
        }
    }

    /// <summary>
    /// The gates of <paramref name="type"/> for the revision being rolled out at <paramref name="scope"/>, as a step
    /// outcome: done when they passed, waiting (with the gate reason) while one holds; a failed gate aborts the revision.
    /// </summary>
    public static StepOutcome Passes(DecisionContext ctx, WebhookType type, string scope, int? step, TimeSpan abortDelay)
    {
        var check = Check(ctx, type, scope, step);
        switch (check.Phase)
        {
            case GatePhase.Passed:
                return StepOutcome.Passed;
            case GatePhase.Failed:
                Aborts.Abort(ctx, AbortReasons.GateFailed, check.Message, abortDelay);
                return StepOutcome.Abort;
            default:
                // pre-rollout and rollout gates are bounded by their failure limit, like an analysis; confirm gates are not,
                // so the progress deadline keeps counting while they hold.
                return new StepOutcome
                {
                    Waiting = check.Message,
                    GateReason = IsConfirm(type) ? WaitingForConfirmation : WaitingForGate,
                    WaitingOnAnalysis = !IsConfirm(type),
                };
        }
    }

    /// <summary>The gates of <paramref name="type"/> for the revision being rolled out at <paramref name="scope"/>; starts those not yet asked.</summary>
    private static GateCheck Check(DecisionContext ctx, WebhookType type, string scope, int? step)
    {
        var outcome = GateCheck.Passed;
        foreach (var webhook in ctx.Plan.Webhooks.Where(w => w.Type == type))
        {
            var gate = Find(ctx, webhook.Name, ctx.Target, scope) ?? Start(ctx, webhook, ctx.Target, scope, step);
            if (gate.Phase == GatePhase.Failed)
            {
                return new GateCheck(GatePhase.Failed, $"{Label(type)} gate {gate.Name} failed after {gate.Failures} failed calls: {gate.Message}");
            }

            if (gate.Phase == GatePhase.Waiting && outcome.Phase == GatePhase.Passed)
            {
                outcome = new GateCheck(GatePhase.Waiting, $"waiting for {Label(type)} gate {gate.Name}: {gate.Message ?? "not called yet"}");
            }
        }

        return outcome;
    }

    /// <summary>Fires the hooks of <paramref name="type"/> for a revision at a point, once.</summary>
    public static void Fire(DecisionContext ctx, WebhookType type, string revision, string scope)
    {
        foreach (var webhook in ctx.Plan.Webhooks.Where(w => w.Type == type))
        {
            if (Find(ctx, webhook.Name, revision, scope) is null)
            {
                Start(ctx, webhook, revision, scope, null);
            }
        }
    }

    /// <summary>
    /// After the decision: fires the rollback hooks of an abort (once per abort), forgets gates that no longer guard
    /// anything, and wakes the Rollout when the next waiting gate or hook is due.
    /// </summary>
    public static void Finish(DecisionContext ctx)
    {
        var status = ctx.Status;
        if (status.Abort is { } abort)
        {
            Fire(ctx, WebhookType.Rollback, abort.Revision, $"abort-{abort.At.ToUnixTimeSeconds()}");
        }

        status.Gates.RemoveAll(g => !IsHook(g.Type) && (Stale(ctx, g) || ctx.Plan.Webhooks.All(w => w.Name != g.Name)));
        foreach (var gate in status.Gates.Where(g => g.Phase == GatePhase.Waiting))
        {
            ctx.WakeAt(gate.NextCallAt ?? ctx.Now);
        }
    }

    // A gate guards the revision being rolled out at its current point; once that moved on, a waiting gate is moot.
    private static bool Stale(DecisionContext ctx, GateStatus gate)
    {
        var status = ctx.Status;
        if (gate.Revision != status.CanaryRevision)
        {
            return true;
        }

        // Passed and failed gates stay for display until the revision ends.
        return gate.Phase == GatePhase.Waiting
            && (status.IsAborted(gate.Revision) || (gate.StepIndex is { } step && step != status.CurrentStepIndex));
    }

    private static GateStatus? Find(DecisionContext ctx, string name, string revision, string scope) =>
        ctx.Status.Gates.Find(g => g.Name == name && g.Revision == revision && g.Scope == scope);

    private static GateStatus Start(DecisionContext ctx, WebhookPlan webhook, string revision, string scope, int? step)
    {
        var gate = new GateStatus
        {
            Name = webhook.Name,
            Type = webhook.Type,
            Revision = revision,
            Scope = scope,
            StepIndex = step,
            Phase = GatePhase.Waiting,
            Since = ctx.Now,
            NextCallAt = ctx.Now,
        };
        ctx.Status.Gates.RemoveAll(g => g.Name == webhook.Name);
        ctx.Status.Gates.Add(gate);
        ctx.WakeAt(ctx.Now);
        if (!IsHook(webhook.Type))
        {
            ctx.Normal("GateWaiting", $"Revision {revision} waits for {Label(webhook.Type)} gate {webhook.Name} ({scope})");
        }

        return gate;
    }

    private static GateStatus Answered(DecisionContext ctx, GateStatus gate, WebhookPlan webhook, GateResult result)
    {
        var called = gate with
        {
            Attempts = gate.Attempts + 1,
            LastCalledAt = ctx.Now,
            LastStatusCode = result.StatusCode,
            Message = Bounded(result.Message),
        };
        if (result.Passed)
        {
            Passed(ctx, webhook, gate);
            return called with { Phase = GatePhase.Passed, NextCallAt = null };
        }

        var next = KubeTime.After(ctx.Now, webhook.Interval);
        if (IsConfirm(webhook.Type))
        {
            return called with { NextCallAt = next };
        }

        var failures = gate.Failures + 1;
        if (failures <= webhook.FailureLimit)
        {
            return called with { Failures = failures, NextCallAt = next };
        }

        if (IsHook(webhook.Type))
        {
            ctx.Warning("HookFailed", $"{Label(webhook.Type)} hook {webhook.Name} for revision {gate.Revision} failed after {called.Attempts} calls: {called.Message}");
        }

        return called with { Failures = failures, Phase = GatePhase.Failed, NextCallAt = null };
    }

    private static void Passed(DecisionContext ctx, WebhookPlan webhook, GateStatus gate)
    {
        if (IsHook(webhook.Type))
        {
            ctx.Normal("HookSucceeded", $"{Label(webhook.Type)} hook {webhook.Name} for revision {gate.Revision} succeeded");
            return;
        }

        ctx.Normal("GatePassed", $"Revision {gate.Revision}: {Label(webhook.Type)} gate {webhook.Name} passed ({gate.Scope})");
        ctx.MarkProgress();
    }

    public static string Label(WebhookType type) => type switch
    {
        WebhookType.ConfirmRollout => "confirm-rollout",
        WebhookType.PreRollout => "pre-rollout",
        WebhookType.Rollout => "rollout",
        WebhookType.ConfirmTrafficIncrease => "confirm-traffic-increase",
        WebhookType.ConfirmPromotion => "confirm-promotion",
        WebhookType.PostRollout => "post-rollout",
        WebhookType.Rollback => "rollback",
        _ => "event",
    };

    private static string Bounded(string text) => text.Length <= MaxMessage ? text : string.Concat(text.AsSpan(0, MaxMessage - 1), "…");
}
