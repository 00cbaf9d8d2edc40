namespace RolloutOperator.Core.Engine;

/// <summary>Reasons an abort records; they become the Degraded condition's reason.</summary>
public static class AbortReasons
{
    public const string AnalysisFailed = "AnalysisFailed";
    public const string UserAbort = "RolloutAborted";
    public const string ProgressDeadline = "ProgressDeadlineExceeded";
    public const string GateFailed = "GateFailed";
}
