using RolloutOperator.Core.Api;

namespace RolloutOperator.Cli.Tests.Support;

/// <summary>Statuses as the operator would write them, for rendering and gate tests.</summary>
internal static class TestStatuses
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static RolloutStatus CanaryMidStep(long generation = 1) => new()
    {
        ObservedGeneration = generation,
        Phase = RolloutPhase.Progressing,
        Message = "step 2/4: analysis running",
        StableRevision = TestRollouts.StableRevision,
        CanaryRevision = TestRollouts.CanaryRevision,
        CurrentStepIndex = 1,
        StepCount = 4,
        Traffic = new TrafficStatus { DesiredWeight = 20, ObservedWeight = 20 },
        Replicas = 6,
        UpdatedReplicas = 1,
        ReadyReplicas = 6,
        AvailableReplicas = 6,
        Analyses =
        [
            new AnalysisRunStatus
            {
                Key = "background",
                Revision = TestRollouts.CanaryRevision,
                Phase = AnalysisPhase.Running,
                StartedAt = Now.AddMinutes(-3),
                Metrics =
                [
                    new MetricStatus
                    {
                        Name = "success-rate",
                        Phase = AnalysisPhase.Running,
                        Successful = 2,
                        Error = 1,
                        Measurements =
                        [
                            new Measurement { Phase = AnalysisPhase.Successful, At = Now.AddMinutes(-2), Value = "0.997" },
                            new Measurement { Phase = AnalysisPhase.Error, At = Now.AddMinutes(-1), Message = "timeout" },
                            new Measurement { Phase = AnalysisPhase.Successful, At = Now, Value = "0.995" },
                        ],
                    },
                ],
            },
        ],
    };

    public static RolloutStatus Paused(long generation = 1) => CanaryMidStep(generation) with
    {
        Phase = RolloutPhase.Paused,
        Message = "step 2/4: paused until promoted",
        Pauses = [new PauseStatus { Reason = "CanaryPauseStep", StartedAt = Now.AddMinutes(-5) }],
    };

    public static RolloutStatus Aborted(long generation = 1) => CanaryMidStep(generation) with
    {
        Phase = RolloutPhase.Degraded,
        Message = "revision aborted: background analysis failed",
        Traffic = new TrafficStatus { DesiredWeight = 0, ObservedWeight = 0 },
        Abort = new AbortStatus { Revision = TestRollouts.CanaryRevision, Reason = "AnalysisFailed", Message = "success-rate failed 2 of 3", At = Now.AddSeconds(-5) },
        ScaleDowns = [new ScaleDownStatus { Revision = TestRollouts.CanaryRevision, At = Now.AddSeconds(25) }],
    };

    public static RolloutStatus Healthy(long generation = 1) => new()
    {
        ObservedGeneration = generation,
        Phase = RolloutPhase.Healthy,
        Message = "revision is stable",
        StableRevision = TestRollouts.CanaryRevision,
        CurrentStepIndex = 4,
        StepCount = 4,
        Traffic = new TrafficStatus { DesiredWeight = 0, ObservedWeight = 0 },
        History = [new RevisionHistoryEntry { Revision = TestRollouts.StableRevision, Outcome = RevisionOutcome.Promoted, At = Now.AddDays(-1) }],
    };
}
