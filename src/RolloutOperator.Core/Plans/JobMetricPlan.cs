using System.Text.Json.Nodes;

namespace RolloutOperator.Core.Plans;

/// <summary>
/// A validated job metric. <see cref="Spec"/> is a private copy of the user's JobSpec with the operator's bounds applied
/// (activeDeadlineSeconds, backoffLimit, restartPolicy); the controller adds labels and the selector-free metadata.
/// </summary>
public sealed record JobMetricPlan(JsonObject Spec, long ActiveDeadlineSeconds, int BackoffLimit);
