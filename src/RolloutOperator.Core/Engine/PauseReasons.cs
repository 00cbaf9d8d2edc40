namespace RolloutOperator.Core.Engine;

/// <summary>Reasons of <c>status.pauses</c> entries and of the Paused condition.</summary>
public static class PauseReasons
{
    public const string CanaryStep = "CanaryPauseStep";
    public const string Manual = "ManualPause";
    public const string Inconclusive = "InconclusiveAnalysis";
    public const string BlueGreen = "BlueGreenPause";

    /// <summary>The error-budget policy holds a new revision before its first step.</summary>
    public const string ErrorBudget = "ErrorBudgetFreeze";
}
