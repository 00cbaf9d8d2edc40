namespace RolloutOperator.Core.Engine;

public static class ConditionTypes
{
    public const string Ready = "Ready";
    public const string Progressing = "Progressing";
    public const string Paused = "Paused";
    public const string Degraded = "Degraded";
    public const string InvalidSpec = "InvalidSpec";
}
