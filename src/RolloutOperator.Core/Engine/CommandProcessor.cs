namespace RolloutOperator.Core.Engine;

/// <summary>
/// Applies user commands once each (by id), and only to the revision they name: a command issued for an older revision
/// cannot act on a newer one. A promote of one step is not state: it is returned, for this decision's strategy only.
/// </summary>
internal static class CommandProcessor
{
    /// <summary>Applies the new commands; true when one of them asked to promote the current step.</summary>
    public static bool Apply(DecisionContext ctx, TimeSpan abortScaleDownDelay)
    {
        // Commands come oldest first; everything up to the last one processed has been acted on already.
        var commands = ctx.Observation.Commands;
        var processed = -1;
        for (var i = 0; i < commands.Count; i++)
        {
            if (commands[i].Id == ctx.Status.LastCommandId)
            {
                processed = i;
            }
        }

        var promoteOne = false;
        foreach (var command in commands.Skip(processed + 1))
        {
            ctx.Status.LastCommandId = command.Id;
            if (command.Revision != ctx.Target)
            {
                ctx.Warning("CommandIgnored", $"{command.Kind} was issued for revision {command.Revision}, but the current revision is {ctx.Target}; ignored");
                continue;
            }

            promoteOne |= Execute(ctx, command, abortScaleDownDelay);
        }

        return promoteOne;
    }

    private static bool Execute(DecisionContext ctx, UserCommand command, TimeSpan abortScaleDownDelay)
    {
        var rolling = ctx.Status.CanaryRevision == ctx.Target;
        switch (command.Kind)
        {
            case CommandKind.Abort when rolling:
                Aborts.Abort(ctx, AbortReasons.UserAbort, "aborted by user command", abortScaleDownDelay);
                break;
            case CommandKind.Retry:
                Aborts.Retry(ctx);
                break;
            case CommandKind.Pause when rolling && !ctx.Status.HasPause(PauseReasons.Manual):
                ctx.Status.Pauses.Add(new Api.PauseStatus { Reason = PauseReasons.Manual, StartedAt = ctx.Now });
                ctx.Normal("RolloutPaused", $"Revision {ctx.Target} paused by user command");
                break;
            case CommandKind.Resume when ctx.Status.HasPause(PauseReasons.Manual):
                ctx.Status.Pauses.RemoveAll(p => p.Reason == PauseReasons.Manual);
                ctx.MarkProgress();
                ctx.Normal("RolloutResumed", $"Revision {ctx.Target} resumed by user command");
                break;
            case CommandKind.Promote when rolling:
                ctx.Normal("PromoteRequested", $"Revision {ctx.Target}: promote one step requested");
                return true;
            case CommandKind.PromoteFull when rolling:
                ctx.Status.FullPromotion = true;
                ctx.Status.Pauses.RemoveAll(p => p.Reason != PauseReasons.Manual);
                ctx.Normal("PromoteFullRequested", $"Revision {ctx.Target}: full promotion requested; remaining steps and analyses are skipped");
                break;
            case CommandKind.MarkFix when rolling:
                ctx.Status.ErrorBudget = (ctx.Status.ErrorBudget ?? new Api.ErrorBudgetStatus()) with { FixRevision = ctx.Target };
                ctx.Normal("MarkedAsFix", $"Revision {ctx.Target} is marked as a fix: the error-budget policy does not hold it");
                break;
            default:
                ctx.Normal("CommandNoOp", $"{command.Kind} for revision {ctx.Target} has nothing to act on");
                break;
        }

        return false;
    }
}
