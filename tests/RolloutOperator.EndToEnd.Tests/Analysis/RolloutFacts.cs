using System.Globalization;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;

namespace RolloutOperator.EndToEnd.Tests.Analysis;

/// <summary>Readings of a Rollout's status the analysis scenarios assert on.</summary>
internal static class RolloutFacts
{
    public static bool IsHealthyOn(Rollout r, string? notRevision = null) =>
        r.Status?.Phase == RolloutPhase.Healthy
        && r.Status.ObservedGeneration == r.Metadata.Generation
        && r.Status.StableRevision is { } stable
        && stable != notRevision;

    public static Condition? ConditionOf(Rollout r, string type) => r.Status?.Conditions?.Find(c => c.Type == type);

    public static bool IsDegradedBy(Rollout r, string reason) =>
        ConditionOf(r, "Degraded") is { Status: ConditionStatus.True } c && c.Reason == reason;

    public static bool IsPausedBy(Rollout r, string reason) =>
        r.Status?.Phase == RolloutPhase.Paused && ConditionOf(r, "Paused") is { Status: ConditionStatus.True } c && c.Reason == reason;

    public static MetricStatus Metric(AnalysisRunStatus run, string name) =>
        run.Metrics.Find(m => m.Name == name) ?? throw new InvalidOperationException($"no metric {name} in analysis {run.Key}: {run.Message}");

    public static double ValueOf(Measurement m) =>
        double.Parse(m.Value ?? throw new InvalidOperationException($"measurement at {m.At} has no value: {m.Message}"), CultureInfo.InvariantCulture);
}
