namespace RolloutOperator.Runtime.Controllers;

/// <summary>Metric label values for the result of one reconcile.</summary>
internal static class ReconcileOutcome
{
    public const string Success = "success";
    public const string Requeue = "requeue_after";
    public const string Error = "error";
    public const string Timeout = "timeout";
    public const string Terminal = "terminal";
    public const string Canceled = "canceled";
}
