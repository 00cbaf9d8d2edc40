namespace RolloutOperator.Runtime.Controllers;

/// <summary>
/// Level-triggered reconcile of one key. Throwing means "retry with backoff";
/// throw <see cref="TerminalReconcileException"/> for errors that retrying cannot fix.
/// Implementations must honour the token: the worker waits for the reconcile to return.
/// </summary>
public interface IReconciler<in TKey>
{
    Task<ReconcileResult> ReconcileAsync(TKey key, CancellationToken cancellationToken);
}
