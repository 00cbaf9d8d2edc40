namespace RolloutOperator.Core.Engine;

/// <summary>
/// The one table from the Events the operator records to notification triggers. An Event can match several triggers;
/// most match none and are only delivered to <c>event</c> webhooks.
/// </summary>
public static class NotificationTriggers
{
    public const string RolloutStarted = "on-rollout-started";
    public const string StepCompleted = "on-step-completed";
    public const string Paused = "on-paused";
    public const string GateWaiting = "on-gate-waiting";
    public const string AnalysisFailed = "on-analysis-failed";
    public const string Aborted = "on-aborted";
    public const string Promoted = "on-promoted";
    public const string Rollback = "on-rollback";

    /// <summary>Event reasons of a gate that holds the rollout until something outside it answers.</summary>
    public static IReadOnlySet<string> GateWaitingReasons { get; } = new HashSet<string>(StringComparer.Ordinal) { "GateWaiting" };

    public static IReadOnlyList<string> All { get; } = [RolloutStarted, StepCompleted, Paused, GateWaiting, AnalysisFailed, Aborted, Promoted, Rollback];

    private static readonly Dictionary<string, string> ByReason = new(StringComparer.Ordinal)
    {
        ["NewRevision"] = RolloutStarted,
        ["StepCompleted"] = StepCompleted,
        ["RolloutPaused"] = Paused,
        [PauseReasons.ErrorBudget] = Paused,
        ["AnalysisFailed"] = AnalysisFailed,
        ["RolloutPromoted"] = Promoted,
        ["FastRollback"] = Rollback,
    };

    public static IReadOnlyList<string> For(RolloutEvent rolloutEvent)
    {
        ArgumentNullException.ThrowIfNull(rolloutEvent);
        if (rolloutEvent.IsAbort)
        {
            // An abort for a failed analysis follows the analysis' own AnalysisFailed event, which carries that trigger.
            return [Aborted];
        }

        if (GateWaitingReasons.Contains(rolloutEvent.Reason))
        {
            return [GateWaiting];
        }

        return ByReason.TryGetValue(rolloutEvent.Reason, out var trigger) ? [trigger] : [];
    }
}
