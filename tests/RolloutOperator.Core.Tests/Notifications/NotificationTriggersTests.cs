using RolloutOperator.Core.Engine;

namespace RolloutOperator.Core.Tests.Notifications;

/// <summary>The one mapping table from the Events Core emits to notification triggers.</summary>
public sealed class NotificationTriggersTests
{
    public static TheoryData<string, bool, string?> Table => new()
    {
        { "NewRevision", false, "on-rollout-started" },
        { "StepCompleted", false, "on-step-completed" },
        { "RolloutPaused", false, "on-paused" },
        { "ErrorBudgetFreeze", false, "on-paused" },
        { "AnalysisFailed", false, "on-analysis-failed" },
        { "AnalysisFailed", true, "on-aborted" },
        { "RolloutAborted", true, "on-aborted" },
        { "ProgressDeadlineExceeded", true, "on-aborted" },
        { "RolloutPromoted", false, "on-promoted" },
        { "FastRollback", false, "on-rollback" },
        { "GateWaiting", false, "on-gate-waiting" },
        { "AnalysisSucceeded", false, null },
        { "RevisionScaledDown", false, null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void For_Event_MapsToItsTrigger(string reason, bool abort, string? trigger)
    {
        var triggers = NotificationTriggers.For(new RolloutEvent(EventSeverity.Normal, reason, "m") { IsAbort = abort });

        Assert.Equal(trigger is null ? [] : [trigger], triggers);
    }
}
