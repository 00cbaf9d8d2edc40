namespace RolloutOperator.ScaleBench;

/// <summary>A Rollout's progress as seen by the benchmark's watch at <see cref="Time"/>.</summary>
internal sealed record RolloutObservation(DateTimeOffset Time, int? Step, string? Phase, string? Canary, string? Stable)
{
    public bool SameState(RolloutObservation other) =>
        Step == other.Step && Phase == other.Phase && Canary == other.Canary && Stable == other.Stable;
}
