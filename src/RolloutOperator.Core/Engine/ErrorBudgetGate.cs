using System.Globalization;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Engine;

/// <summary>
/// The error-budget policy: folds the latest budget reading into status, and holds a new revision before its first step
/// while the remaining budget is below the threshold or unknown (no data is never a pass). A revision marked as a fix
/// and a rollback to a revision that was stable before are admitted regardless; once admitted, a revision is never held
/// again.
/// </summary>
internal static class ErrorBudgetGate
{
    /// <summary>The world of a held canary revision: no canary pods, no traffic.</summary>
    public static CanaryStepState Closed { get; } = new(0, 0, null, []);

    public static void Record(DecisionContext ctx)
    {
        if (ctx.Plan.ErrorBudget is not { } policy)
        {
            ctx.Status.ErrorBudget = null;
            return;
        }

        var status = ctx.Status.ErrorBudget ?? new ErrorBudgetStatus();
        if (ctx.Observation.ErrorBudget is { } reading)
        {
            status = Fold(status, policy, reading);
        }

        ctx.Status.ErrorBudget = status;
        ctx.WakeAt(ErrorBudgetSchedule.NextDue(policy, status));
    }

    /// <summary>Why the revision must wait before its first step, or null when it may go.</summary>
    public static string? Holds(DecisionContext ctx, string revision)
    {
        if (ctx.Plan.ErrorBudget is not { } policy || ctx.Status.ErrorBudget is not { } status || status.AdmittedRevision == revision)
        {
            return null;
        }

        // A revision that already has pods or took a step was let through before the policy existed: never pull it back.
        var why = Exemption(ctx, status, revision) ?? (ctx.Status.CurrentStepIndex > 0 || ctx.Available(revision) > 0 ? "it is past its first step" : null);
        var freeze = why is null ? FreezeReason(policy, status) : null;
        if (freeze is null)
        {
            Admit(ctx, status, revision, why);
            return null;
        }

        var waiting = $"revision {revision} waits before its first step: {freeze}; mark it as a fix to let it through (action mark-fix)";
        if (!ctx.Status.HasPause(PauseReasons.ErrorBudget))
        {
            ctx.Status.Pauses.Add(new PauseStatus { Reason = PauseReasons.ErrorBudget, StartedAt = ctx.Now });
            ctx.Warning("ErrorBudgetFreeze", waiting);
        }

        return waiting;
    }

    private static string? Exemption(DecisionContext ctx, ErrorBudgetStatus status, string revision)
    {
        if (status.FixRevision == revision)
        {
            return "it is marked as a fix";
        }

        return ctx.Status.History.Exists(h => h.Revision == revision && h.Outcome == RevisionOutcome.Promoted)
            ? "it is a rollback to a revision that was stable before"
            : null;
    }

    private static string? FreezeReason(Plans.ErrorBudgetPlan policy, ErrorBudgetStatus status)
    {
        var slo = $"objective {N(policy.Objective)}% over {Durations.Format(policy.Period)}";
        if (status.ConsecutiveErrors > policy.ConsecutiveErrorLimit)
        {
            return $"the error budget is unknown ({slo}): {status.ConsecutiveErrors} measurements in a row failed, more than consecutiveErrorLimit {policy.ConsecutiveErrorLimit}; last: {status.Message}";
        }

        if (status.RemainingPercent is not { } remaining)
        {
            return $"waiting for the first measurement of the error budget ({slo}){(status.Message is null ? "" : "; last: " + status.Message)}";
        }

        return remaining < policy.MinRemainingPercent
            ? $"error budget remaining {N(remaining)}% is below minRemainingPercent {N(policy.MinRemainingPercent)}% ({slo})"
            : null;
    }

    private static void Admit(DecisionContext ctx, ErrorBudgetStatus status, string revision, string? why)
    {
        ctx.Status.ErrorBudget = status with { AdmittedRevision = revision };
        if (ctx.Status.Pauses.RemoveAll(p => p.Reason == PauseReasons.ErrorBudget) > 0)
        {
            // The steps start now, not when the revision first appeared: a pause step must last its full duration.
            ctx.Status.StepStartedAt = ctx.PreciseNow;
            ctx.MarkProgress();
            ctx.Normal("ErrorBudgetReleased", $"Revision {revision} may take its steps: {why ?? $"error budget remaining {N(status.RemainingPercent ?? 0)}%"}");
        }
        else if (why is not null)
        {
            ctx.Normal("ErrorBudgetExempt", $"Revision {revision} is not held by the error-budget policy: {why}");
        }
    }

    private static ErrorBudgetStatus Fold(ErrorBudgetStatus status, Plans.ErrorBudgetPlan policy, ErrorBudgetReading reading)
    {
        var at = KubeTime.Truncate(reading.At);
        var query = Analysis.Bounded.Text(reading.Query, Analysis.Bounded.Query);
        if (reading.Error is null && double.IsFinite(reading.ErrorRatio))
        {
            var remaining = (1 - (Math.Max(0, reading.ErrorRatio) / policy.ErrorBudget)) * 100;
            return status with
            {
                RemainingPercent = Math.Round(remaining, 3, MidpointRounding.AwayFromZero),
                MeasuredAt = at,
                SucceededAt = at,
                ConsecutiveErrors = 0,
                Query = query,
                Message = null,
            };
        }

        var message = reading.Error ?? "no data: the service had no events in the period";
        return status with
        {
            MeasuredAt = at,
            ConsecutiveErrors = (status.ConsecutiveErrors ?? 0) + 1,
            Query = query ?? status.Query,
            Message = Analysis.Bounded.Text(message, Analysis.Bounded.Message),
        };
    }

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
