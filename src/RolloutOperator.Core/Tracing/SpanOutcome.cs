namespace RolloutOperator.Core.Tracing;

/// <summary>The span status: Unset when there is no verdict (superseded, still running), Ok or Error otherwise.</summary>
public enum SpanOutcome
{
    Unset,
    Ok,
    Error,
}
