namespace RolloutOperator.Controller.Analysis.Background;

/// <summary>
/// How provider measurements (Prometheus, web, judge, SLO) are kept off the reconcile workers. A measurement that answers
/// within <see cref="InlineWait"/> is recorded by the reconcile that started it; a slower one goes on in the background,
/// is recorded as in progress, and wakes its Rollout when it finishes.
/// </summary>
public sealed record MeasurementRunnerOptions
{
    /// <summary>The longest a reconcile waits for measurements it started (fast providers cost no extra status write).</summary>
    public TimeSpan InlineWait { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Measurements running at once, over all providers; more wait (in the background) for a slot.</summary>
    public int MaxConcurrency { get; init; } = 64;

    /// <summary>Measurements running at once against one provider address, so one hung provider cannot take every slot.</summary>
    public int MaxConcurrencyPerAddress { get; init; } = 16;

    /// <summary>Finished background results kept for the next reconcile to take; the oldest beyond this are dropped.</summary>
    public int MaxFinished { get; init; } = 10_000;

    /// <summary>How long a finished background result is kept; a Rollout that never takes it (deleted) does not keep it.</summary>
    public TimeSpan FinishedRetention { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Waits for every measurement in the reconcile, as before this runner existed (tests driving a reconciler by hand).</summary>
    public static MeasurementRunnerOptions Inline { get; } = new() { InlineWait = Timeout.InfiniteTimeSpan };
}
