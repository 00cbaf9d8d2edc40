namespace RolloutOperator.Runtime.Controllers;

/// <summary>Outcome of a successful reconcile; <see cref="RequeueAfter"/> schedules the next visit.</summary>
public readonly record struct ReconcileResult(TimeSpan? RequeueAfter)
{
    public static ReconcileResult Done => default;

    public static ReconcileResult After(TimeSpan delay) => new(delay);
}
