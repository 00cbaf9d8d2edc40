using k8s.Models;
using RolloutOperator.Model;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Caching;

/// <summary>
/// The informer caches one reconcile reads from. Objects are shared: clone before mutating. <see cref="Deployments"/>
/// holds revision Deployments only (label-selected); <see cref="Workloads"/> every other Deployment, for spec.workloadRef.
/// </summary>
internal sealed record RolloutCaches(
    IObjectCache<Rollout> Rollouts,
    IObjectCache<V1Deployment> Deployments,
    IObjectCache<V1Service> Services,
    IObjectCache<AnalysisTemplate> AnalysisTemplates,
    IObjectCache<AnalysisTemplate> ClusterAnalysisTemplates,
    IObjectCache<V1Job> Jobs)
{
    /// <summary>Rollouts that exist but cannot be decoded; absent from <see cref="Rollouts"/>.</summary>
    public UndecodableRollouts UndecodableRollouts { get; } = new();

    /// <summary>Deployments without the operator's Rollout label; defaults to <see cref="Deployments"/> for callers with one cache.</summary>
    public IObjectCache<V1Deployment> Workloads
    {
        get => _workloads ?? Deployments;
        init => _workloads = value;
    }

    private readonly IObjectCache<V1Deployment>? _workloads;
}
