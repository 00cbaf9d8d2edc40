using k8s.Models;

namespace RolloutOperator.Model;

/// <summary>A Rollout and its Deployments read together, for one redraw.</summary>
public sealed record RolloutSnapshot(Rollout Rollout, IReadOnlyList<V1Deployment> Deployments);
