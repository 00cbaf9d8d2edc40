using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>Builds the next status: conditions and phase from the state reached, traffic, replica counts for the scale subresource.</summary>
internal static class StatusSummarizer
{
    public static RolloutStatus Build(DecisionContext ctx, StepOutcome outcome)
    {
        var draft = ctx.Status;
        var (phase, message) = Summarize(ctx, outcome);
        var conditions = Conditions(ctx, phase, message, outcome);
        var revisions = ctx.Observation.Revisions.Values;
        var stepCount = ctx.Plan.Strategy is CanaryPlan canary ? canary.Steps.Count : (int?)null;
        return new RolloutStatus
        {
            ObservedGeneration = ctx.Observation.Generation,
            Phase = phase,
            Message = message,
            Conditions = conditions,
            StableRevision = draft.StableRevision,
            CanaryRevision = draft.CanaryRevision,
            CurrentStepIndex = draft.CurrentStepIndex,
            StepCount = stepCount,
            StepStartedAt = draft.StepStartedAt,
            LastProgressAt = draft.LastProgressAt,
            Traffic = Traffic(ctx),
            Pauses = NullIfEmpty(draft.Pauses),
            Abort = draft.Abort,
            BlueGreen = draft.BlueGreen,
            Analyses = NullIfEmpty(draft.Analyses),
            ScaleDowns = NullIfEmpty(draft.ScaleDowns.OrderBy(s => s.Revision, StringComparer.Ordinal).ToList()),
            History = NullIfEmpty(draft.History),
            FullPromotionRequested = draft.FullPromotion ? true : null,
            LastCommandId = draft.LastCommandId,
            ErrorBudget = draft.ErrorBudget,
            Gates = NullIfEmpty(draft.Gates),
            Replicas = Total(revisions, r => r.Desired),
            UpdatedReplicas = ctx.Revision(ctx.Target)?.Desired ?? 0,
            ReadyReplicas = Total(revisions, r => r.Ready),
            AvailableReplicas = Total(revisions, r => r.Available),
            Selector = ctx.Plan.Selector,
        };
    }

    // Observed counts come from the cluster, where anyone may scale a Deployment: sum wide and saturate instead of throwing.
    private static int Total(IEnumerable<RevisionObservation> revisions, Func<RevisionObservation, int> count) =>
        (int)Math.Clamp(revisions.Sum(r => (long)count(r)), 0, int.MaxValue);

    private static List<T>? NullIfEmpty<T>(List<T> items) => items.Count == 0 ? null : items;

    private static TrafficStatus? Traffic(DecisionContext ctx)
    {
        if (ctx.Plan.Strategy is not CanaryPlan)
        {
            return null;
        }

        var routes = ctx.World.HeaderRoutes.Select(r => r.Name).ToList();
        var mirrors = ctx.World.MirrorRoutes.Select(r => r.Name).ToList();
        return new TrafficStatus
        {
            DesiredWeight = ctx.World.CanaryWeight,
            ObservedWeight = ctx.World.ObservedWeight,
            HeaderRoutes = routes.Count == 0 ? null : routes,
            MirrorRoutes = mirrors.Count == 0 ? null : mirrors,
        };
    }

    private static (RolloutPhase Phase, string Message) Summarize(DecisionContext ctx, StepOutcome outcome)
    {
        var status = ctx.Status;
        if (status.Abort is { } abort && abort.Revision == ctx.Target)
        {
            return (RolloutPhase.Degraded, $"revision {abort.Revision} aborted ({abort.Reason}): {abort.Message}");
        }

        if (ProgressDeadline.IsHealthy(ctx))
        {
            return (RolloutPhase.Healthy, $"revision {status.StableRevision} is stable and fully available");
        }

        if (outcome.DeadlineExceeded)
        {
            return (RolloutPhase.Degraded, $"progress deadline exceeded: {outcome.Waiting ?? "revision not available"}");
        }

        var pause = status.Pauses.FirstOrDefault();
        if (pause is not null || ctx.Plan.Paused)
        {
            var reason = pause?.Reason ?? PauseReasons.Manual;
            var until = pause?.ResumeAt is { } at ? $" until {at:yyyy-MM-ddTHH:mm:ssZ}"
                : reason == PauseReasons.ErrorBudget && outcome.Waiting is { } waiting ? ": " + waiting
                : " until promoted or resumed";
            return (RolloutPhase.Paused, $"paused ({reason}){until}");
        }

        return (RolloutPhase.Progressing, outcome.Waiting ?? Progressing(ctx));
    }

    private static string Progressing(DecisionContext ctx)
    {
        var status = ctx.Status;
        if (status.CanaryRevision is null)
        {
            var observed = ctx.Revision(status.StableRevision);
            return $"waiting for revision {status.StableRevision}: {observed?.Available ?? 0}/{ctx.Plan.Replicas} available";
        }

        return ctx.Plan.Strategy is CanaryPlan canary
            ? $"rolling out revision {status.CanaryRevision}: step {Math.Min((status.CurrentStepIndex ?? 0) + 1, canary.Steps.Count)}/{canary.Steps.Count}"
            : $"rolling out revision {status.CanaryRevision}";
    }

    private static List<Condition> Conditions(DecisionContext ctx, RolloutPhase phase, string message, StepOutcome outcome)
    {
        var set = new ConditionSet(ctx.Status.Previous.Conditions, ctx.Observation.Generation, ctx.Now);
        var reason = Reason(ctx, phase, outcome);
        var ready = phase == RolloutPhase.Healthy ? ConditionStatus.True
            : set.IsFirstVisit && phase == RolloutPhase.Progressing ? ConditionStatus.Unknown
            : ConditionStatus.False;
        set.Set(ConditionTypes.Ready, ready, reason, message);
        set.Set(ConditionTypes.Progressing, phase is RolloutPhase.Progressing or RolloutPhase.Paused ? ConditionStatus.True : ConditionStatus.False, reason, message);
        set.Set(ConditionTypes.Paused, phase == RolloutPhase.Paused ? ConditionStatus.True : ConditionStatus.False, phase == RolloutPhase.Paused ? reason : "NotPaused", phase == RolloutPhase.Paused ? message : "");
        set.Set(ConditionTypes.Degraded, phase == RolloutPhase.Degraded ? ConditionStatus.True : ConditionStatus.False, phase == RolloutPhase.Degraded ? reason : "NotDegraded", phase == RolloutPhase.Degraded ? message : "");
        set.Set(ConditionTypes.InvalidSpec, ConditionStatus.False, "SpecValid", "");
        KstatusConditions.Set(set, phase, reason, message);
        return set.ToList();
    }

    private static string Reason(DecisionContext ctx, RolloutPhase phase, StepOutcome outcome) => phase switch
    {
        RolloutPhase.Healthy => "RolloutCompleted",
        RolloutPhase.Degraded when ctx.Status.Abort is { } abort && abort.Revision == ctx.Target => abort.Reason,
        RolloutPhase.Degraded => AbortReasons.ProgressDeadline,
        RolloutPhase.Paused => ctx.Status.Pauses.FirstOrDefault()?.Reason ?? PauseReasons.Manual,
        _ when ctx.Status.CanaryRevision is null => "RevisionUnavailable",
        _ when outcome.GateReason is { } gate => gate,
        _ => "RolloutProgressing",
    };
}
