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

    /// <summary>A judge metric that failed: latency High against the stable revision, errors passing.</summary>
    public static RolloutStatus Judged(long generation = 1) => CanaryMidStep(generation) with
    {
        Analyses =
        [
            new AnalysisRunStatus
            {
                Key = "step-2",
                Revision = TestRollouts.CanaryRevision,
                Phase = AnalysisPhase.Failed,
                StartedAt = Now.AddMinutes(-3),
                Metrics =
                [
                    new MetricStatus
                    {
                        Name = "judge",
                        Phase = AnalysisPhase.Failed,
                        Failed = 1,
                        Measurements = [new Measurement { Phase = AnalysisPhase.Failed, At = Now, Value = "33.33" }],
                        Judge = new JudgeStatus
                        {
                            Score = 33.33,
                            PassScore = 95,
                            MarginalScore = 75,
                            ControlRevision = TestRollouts.StableRevision,
                            Metrics =
                            [
                                new JudgeMetricStatus
                                {
                                    Name = "mean-latency", Classification = JudgeClassification.High, Weight = 2, CanarySamples = 20, ControlSamples = 19,
                                    CanaryMedian = "0.02", ControlMedian = "0.01", PValue = "3.4E-05", Effect = "1.002",
                                    CanaryDistribution = new JudgeDistribution { P10 = 0.017, P25 = 0.0185, P50 = 0.02, P75 = 0.0215, P90 = 0.024 },
                                    ControlDistribution = new JudgeDistribution { P10 = 0.0091, P25 = 0.0095, P50 = 0.01, P75 = 0.0105, P90 = 0.011 },
                                },
                                new JudgeMetricStatus
                                {
                                    Name = "error-ratio", Classification = JudgeClassification.Pass, Weight = 1, CanarySamples = 20, ControlSamples = 19,
                                    CanaryMedian = "0.001", ControlMedian = "0.001", PValue = "0.61", Effect = "0",
                                    CanaryDistribution = new JudgeDistribution { P10 = 0, P25 = 0.0005, P50 = 0.001, P75 = 0.0015, P90 = 0.002 },
                                    ControlDistribution = new JudgeDistribution { P10 = 0, P25 = 0.0004, P50 = 0.001, P75 = 0.0016, P90 = 0.0021 },
                                },
                            ],
                        },
                    },
                ],
            },
        ],
    };
}
