using k8s;
using k8s.Models;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Model;

/// <summary>The Rollout custom resource as the Kubernetes client sees it; spec and status are Core's API types.</summary>
public sealed class Rollout : IKubernetesObject<V1ObjectMeta>, ISpec<RolloutSpec>, IStatus<RolloutStatus?>
{
    public const string KindName = "Rollout";

    public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    public string Kind { get; set; } = KindName;

    public V1ObjectMeta Metadata { get; set; } = new();

    public RolloutSpec Spec { get; set; } = new();

    public RolloutStatus? Status { get; set; }
}
