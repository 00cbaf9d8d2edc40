namespace RolloutOperator.Core.Engine;

public static class ConditionTypes
{
    public const string Ready = "Ready";
    public const string Progressing = "Progressing";
    public const string Paused = "Paused";
    public const string Degraded = "Degraded";
    public const string InvalidSpec = "InvalidSpec";

    /// <summary>kstatus' abnormal-true "in progress": True while a revision is being rolled out (also while paused).</summary>
    public const string Reconciling = "Reconciling";

    /// <summary>kstatus' abnormal-true "failed": True on an invalid spec, an abort, or an exceeded progress deadline.</summary>
    public const string Stalled = "Stalled";
}
