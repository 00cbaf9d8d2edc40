namespace RolloutOperator.Core.Engine;

public enum EventSeverity
{
    Normal,
    Warning,
}
