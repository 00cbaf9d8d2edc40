namespace RolloutOperator.Cli.Planning;

/// <summary>What a Rollout will do, offline: the output of `plan`, also its -o json|yaml document.</summary>
internal sealed record RolloutTimeline(
    string Rollout,
    string Revision,
    string Strategy,
    string? TrafficRouter,
    int Replicas,
    IReadOnlyList<PlanStage> Stages,
    PlanAnalysis? BackgroundAnalysis,
    long MinSeconds,
    long? MaxSeconds,
    IReadOnlyList<string> Notes)
{
    public string MinDuration => DurationText.Format(MinSeconds);

    public string MaxDuration => MaxSeconds is { } max ? DurationText.Format(max) : "unbounded";
}
