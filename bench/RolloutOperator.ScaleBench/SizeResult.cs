namespace RolloutOperator.ScaleBench;

/// <summary>Every figure measured at one size (number of idle Rollouts).</summary>
internal sealed record SizeResult
{
    public int Rollouts { get; init; }

    public int Unrelated { get; init; }

    public double SeedSeconds { get; init; }

    public ColdStartFigures? ColdStart { get; init; }

    public MemoryFigures? Memory { get; init; }

    public MemoryFigures? MemoryWithoutTransforms { get; init; }

    public IdleFigures? Idle { get; init; }

    public LatencyFigures? ReactionAlone { get; init; }

    public LatencyFigures? ReactionBatch { get; init; }

    public StepFigures? Steps { get; init; }

    public AnalysisFigures? Analysis { get; init; }

    /// <summary>Set when the run was against a real cluster (--kubeconfig) rather than the API emulator.</summary>
    public KubeRunFigures? Kube { get; init; }
}

internal sealed record ColdStartFigures(double StartToReadySeconds, double ReadyToReconciledSeconds, double StartToReconciledSeconds, int Writes);

internal sealed record MemoryFigures(double RssMiB, double ManagedHeapMiB, double HeapBeforeGcMiB, double RssAfterGcMiB);

internal sealed record IdleFigures(double WindowSeconds, int Writes, double WritesPerHour, double ReconcilesPerMinute);

internal sealed record LatencyFigures(int Count, int Among, double P50Ms, double P99Ms, double MaxMs);

internal sealed record StepFigures(
    int Progressing,
    int Completed,
    double WallSeconds,
    int Pauses,
    double LatenessP50Seconds,
    double LatenessP99Seconds,
    double LatenessMaxSeconds,
    int Transitions,
    int Writes,
    int Events,
    double WritesPerStep,
    double EventsPerStep,
    double OperatorCpuSeconds,
    double BenchCpuSeconds,
    double OperatorCpuPer1000Steps,
    double BenchCpuPer1000Steps);

internal sealed record AnalysisFigures(int Rollouts, int SilentRollouts, int Queries, int Gaps, double MinGapSeconds, double MeanGapSeconds, double MaxGapSeconds)
{
    /// <summary>Queries per metric per 10 s interval: 10 s over the mean gap between consecutive queries.</summary>
    public double PerInterval => Gaps == 0 ? double.NaN : 10 / MeanGapSeconds;
}
