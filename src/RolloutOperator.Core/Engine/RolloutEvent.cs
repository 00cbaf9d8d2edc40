namespace RolloutOperator.Core.Engine;

public sealed record RolloutEvent(EventSeverity Severity, string Reason, string Message);
