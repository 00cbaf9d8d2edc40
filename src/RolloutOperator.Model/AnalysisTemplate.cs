using k8s;
using k8s.Models;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Model;

/// <summary>An AnalysisTemplate (namespaced) or ClusterAnalysisTemplate (cluster-scoped); they share a spec.</summary>
public sealed class AnalysisTemplate : IKubernetesObject<V1ObjectMeta>, ISpec<AnalysisTemplateSpec>
{
    public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    public string Kind { get; set; } = "AnalysisTemplate";

    public V1ObjectMeta Metadata { get; set; } = new();

    public AnalysisTemplateSpec Spec { get; set; } = new();
}
