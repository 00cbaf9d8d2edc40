namespace RolloutOperator.Core.Engine;

public sealed record RolloutEvent(EventSeverity Severity, string Reason, string Message)
{
    /// <summary>The event reports an abort of the revision (its reason says why: analysis, user, deadline).</summary>
    public bool IsAbort { get; init; }
}
