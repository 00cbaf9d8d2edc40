using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Engine;

/// <summary>
/// Decides which revision is stable and which is being rolled out when the spec's revision is compared with the status:
/// first deploy, fast rollback to the stable revision, a new revision superseding an in-flight one, and the rollback window.
/// </summary>
internal static class RevisionTransitions
{
    public static void Apply(DecisionContext ctx)
    {
        var status = ctx.Status;
        ctx.Status.ScaleDowns.RemoveAll(s => s.Revision == ctx.Target);
        if (status.StableRevision is null)
        {
            FirstDeploy(ctx);
        }
        else if (status.StableRevision == ctx.Target)
        {
            BackToStable(ctx);
        }
        else if (status.CanaryRevision != ctx.Target)
        {
            StartRevision(ctx);
        }
    }

    private static void FirstDeploy(DecisionContext ctx)
    {
        // Nothing serves yet, so there is nothing to protect: the first revision is stable at once.
        ctx.Status.StableRevision = ctx.Target;
        ctx.Status.CanaryRevision = null;
        ctx.MarkProgress();
        ctx.AddHistory(ctx.Target, RevisionOutcome.Promoted, "initial revision");
        ctx.Normal("InitialRevision", $"Revision {ctx.Target} is the first revision; it becomes stable without steps");
    }

    private static void BackToStable(DecisionContext ctx)
    {
        var canary = ctx.Status.CanaryRevision;
        if (canary is null)
        {
            return;
        }

        // The spec returned to the stable revision: all traffic goes back at once, no steps, no analysis.
        ctx.AddHistory(canary, RevisionOutcome.RolledBack, $"spec returned to stable revision {ctx.Target}");
        ctx.ScheduleScaleDown(canary, TimeSpan.Zero);
        ResetProgress(ctx, canary: null);
        ctx.Normal("FastRollback", $"Spec returned to stable revision {ctx.Target}; revision {canary} is rolled back without steps");
    }

    private static void StartRevision(DecisionContext ctx)
    {
        var previous = ctx.Status.CanaryRevision;
        if (previous is not null)
        {
            ctx.AddHistory(previous, RevisionOutcome.Superseded, $"superseded by revision {ctx.Target}");
            ctx.ScheduleScaleDown(previous, TimeSpan.Zero);
            ctx.Normal("RevisionSuperseded", $"Revision {previous} is superseded by revision {ctx.Target}");
        }

        ResetProgress(ctx, ctx.Target);
        if (InRollbackWindow(ctx))
        {
            // A recent known-good revision: skip the steps and go straight to full promotion.
            ctx.Status.FullPromotion = true;
            ctx.Normal("RollbackWindow", $"Revision {ctx.Target} was stable recently; steps are skipped");
        }
        else
        {
            ctx.Normal("NewRevision", $"Rolling out revision {ctx.Target} (stable is {ctx.Status.StableRevision})");
        }
    }

    private static bool InRollbackWindow(DecisionContext ctx)
    {
        var window = ctx.Plan.RollbackWindowRevisions;
        if (window <= 0)
        {
            return false;
        }

        return ctx.Status.History
            .Where(h => h.Outcome == RevisionOutcome.Promoted && h.Revision != ctx.Status.StableRevision)
            .Select(h => h.Revision)
            .Distinct(StringComparer.Ordinal)
            .Take(window)
            .Contains(ctx.Target, StringComparer.Ordinal);
    }

    public static void ResetProgress(DecisionContext ctx, string? canary)
    {
        var status = ctx.Status;
        status.CanaryRevision = canary;
        status.CurrentStepIndex = canary is null ? null : 0;
        status.StepStartedAt = canary is null ? null : ctx.PreciseNow;
        status.Abort = null;
        status.FullPromotion = false;
        // Commands are scoped to a revision, so a manual pause of the previous one does not carry over.
        status.Pauses.Clear();
        status.Analyses.Clear();

        // Gates start over with the revision (or its retry); hooks already fired still get delivered.
        status.Gates.RemoveAll(g => !GateKeeper.IsHook(g.Type));
        status.BlueGreen = status.BlueGreen is null ? null : new BlueGreenStatus { ActiveRevision = status.BlueGreen.ActiveRevision };
        ctx.MarkProgress();
    }
}
