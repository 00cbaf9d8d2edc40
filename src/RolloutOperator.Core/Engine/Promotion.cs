namespace RolloutOperator.Core.Engine;

internal static class Promotion
{
    /// <summary>
    /// Makes the rolled-out revision stable. Its analyses stay in status for inspection until the next revision starts.
    /// </summary>
    public static void Complete(DecisionContext ctx, string revision)
    {
        var status = ctx.Status;
        status.StableRevision = revision;
        status.CanaryRevision = null;
        status.CurrentStepIndex = null;
        status.StepStartedAt = null;
        status.Abort = null;
        status.FullPromotion = false;
        status.Pauses.Clear();
        ctx.MarkProgress();
    }
}
