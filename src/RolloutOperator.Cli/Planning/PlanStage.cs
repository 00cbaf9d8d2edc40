namespace RolloutOperator.Cli.Planning;

/// <summary>
/// One row of the timeline: the state that holds while it runs and how long it can take. MaxSeconds is null when the
/// stage waits for a human (an indefinite pause, manual blue/green promotion).
/// </summary>
internal sealed record PlanStage(
    int Number,
    string Action,
    int Weight,
    int StableReplicas,
    int CanaryReplicas,
    string? Pause,
    PlanAnalysis? Analysis,
    IReadOnlyList<string> HeaderRoutes,
    bool BackgroundAnalysis,
    long MinSeconds,
    long? MaxSeconds)
{
    /// <summary>Mirror routes in force while the stage runs, as "name percentage%".</summary>
    public IReadOnlyList<string> MirrorRoutes { get; init; } = [];

    public string Min => DurationText.Format(MinSeconds);

    public string Max => MaxSeconds is { } max ? DurationText.Format(max) : "unbounded";
}
