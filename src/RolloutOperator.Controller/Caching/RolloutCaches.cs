using k8s.Models;
using RolloutOperator.Model;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Caching;

/// <summary>
/// The informer caches one reconcile reads from. Objects are shared: clone before mutating. <see cref="Deployments"/>
/// holds revision Deployments only (label-selected); <see cref="Workloads"/> every other Deployment, for spec.workloadRef
/// (metadata only in the operator: <see cref="WorkloadRefs"/> holds the referenced ones whole).
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

    /// <summary>
    /// The Deployments named by spec.workloadRef, whole (pod template, selector, replicas); defaults to
    /// <see cref="Workloads"/> for callers whose workload cache holds whole Deployments. Current for a Rollout after
    /// <see cref="RefreshWorkloadAsync"/>.
    /// </summary>
    public IObjectCache<V1Deployment> WorkloadRefs
    {
        get => _workloadRefs ?? Workloads;
        init => _workloadRefs = value;
    }

    private readonly IObjectCache<V1Deployment>? _workloadRefs;

    /// <summary>Brings the Rollout's workloadRef Deployment up to date in <see cref="WorkloadRefs"/>; nothing to do for a whole cache.</summary>
    public Func<Rollout, CancellationToken, Task> RefreshWorkload { get; init; } = (_, _) => Task.CompletedTask;

    public Task RefreshWorkloadAsync(Rollout rollout, CancellationToken cancellationToken) => RefreshWorkload(rollout, cancellationToken);
}
