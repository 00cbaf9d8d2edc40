using RolloutOperator.Core.Api;
using RolloutOperator.Model;

namespace RolloutOperator.Sandbox.Progress;

/// <summary>What the sandbox shows of a Rollout at one moment: the parts of its status a person follows (the plugin shows a <see cref="RolloutSnapshot"/>).</summary>
internal sealed record RolloutProgress
{
    public static RolloutProgress Missing { get; } = new() { Phase = "NotFound" };

    public string Phase { get; init; } = "Pending";

    public long? Generation { get; init; }

    public long? ObservedGeneration { get; init; }

    public int? Step { get; init; }

    public int? StepCount { get; init; }

    public int DesiredWeight { get; init; }

    public int? ObservedWeight { get; init; }

    public string? StableRevision { get; init; }

    public string? CanaryRevision { get; init; }

    public AbortStatus? Abort { get; init; }

    public string? Message { get; init; }

    /// <summary>The latest analysis of the revision being rolled out (or just aborted), formatted; null when none ran.</summary>
    public string? Analysis { get; init; }

    public IReadOnlyList<RevisionHistoryEntry> History { get; init; } = [];

    public bool IsHealthy => Phase == nameof(RolloutPhase.Healthy) && CanaryRevision is null && ObservedGeneration == Generation;

    public bool IsDegraded => Phase == nameof(RolloutPhase.Degraded);

    public static RolloutProgress From(Rollout? rollout)
    {
        if (rollout is null)
        {
            return Missing;
        }

        var status = rollout.Status;
        return new RolloutProgress
        {
            Phase = status?.Phase?.ToString() ?? "Pending",
            Generation = rollout.Metadata?.Generation,
            ObservedGeneration = status?.ObservedGeneration,
            Step = status?.CurrentStepIndex,
            StepCount = status?.StepCount,
            DesiredWeight = status?.Traffic?.DesiredWeight ?? 0,
            ObservedWeight = status?.Traffic?.ObservedWeight,
            StableRevision = status?.StableRevision,
            CanaryRevision = status?.CanaryRevision,
            Abort = status?.Abort,
            Message = status?.Message,
            Analysis = AnalysisText.Latest(status),
            History = status?.History ?? [],
        };
    }
}
