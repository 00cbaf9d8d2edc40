using k8s.Models;
using RolloutOperator.Controller.Model;

namespace RolloutOperator.Cli.Rendering;

/// <summary>A Rollout and its Deployments read together, for one redraw.</summary>
internal sealed record RolloutSnapshot(Rollout Rollout, IReadOnlyList<V1Deployment> Deployments);
