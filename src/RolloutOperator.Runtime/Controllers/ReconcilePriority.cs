namespace RolloutOperator.Runtime.Controllers;

/// <summary>
/// Whether the reconcile running on this async flow took its key from the work queue's priority lane. Set by the
/// controller's worker for the duration of one reconcile, so code far below it (an HTTP handler that rate-limits API
/// requests) can let that reconcile's requests go first without knowing anything about the reconciler.
/// </summary>
public static class ReconcilePriority
{
    private static readonly AsyncLocal<bool> Current = new();

    public static bool IsPriority => Current.Value;

    /// <summary>Marks the current async flow; the mark ends when the async method that set it returns.</summary>
    internal static void Set(bool priority) => Current.Value = priority;
}
