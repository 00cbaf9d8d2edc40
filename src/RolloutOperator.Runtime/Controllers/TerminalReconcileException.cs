namespace RolloutOperator.Runtime.Controllers;

/// <summary>
/// A reconcile failure that retrying cannot fix (e.g. an invalid spec). The key is not retried
/// until something adds it again, typically an informer event for a changed object.
/// </summary>
public sealed class TerminalReconcileException : Exception
{
    public TerminalReconcileException()
    {
    }

    public TerminalReconcileException(string message)
        : base(message)
    {
    }

    public TerminalReconcileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
