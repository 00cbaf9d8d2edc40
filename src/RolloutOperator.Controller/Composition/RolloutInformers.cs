using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using RolloutOperator.Controller.Caching;
using RolloutOperator.Controller.Jobs;
using RolloutOperator.Controller.Reconciliation;
using RolloutOperator.Model;
using RolloutOperator.Runtime.Health;
using RolloutOperator.Runtime.Informers;
using RolloutOperator.Runtime.Metrics;

namespace RolloutOperator.Controller.Composition;

/// <summary>
/// The informers the Rollout controller reads. Deployments are watched twice, split by the operator's Rollout label so no
/// Deployment is cached twice: revision Deployments (ours, always labelled) through a label-selected watch, found by owner
/// uid; every other Deployment through the complementary selector, only for spec.workloadRef (the user's Deployment
/// carries none of our labels). That second watch is metadata only: it says which Deployments exist and when they change;
/// the few a Rollout names are read whole on demand (<see cref="ReferencedWorkloads"/>). Why user-owned objects are not
/// labelled by the operator instead: docs/controller.md; the cache choices: docs/operations.md.
/// </summary>
internal sealed class RolloutInformers
{
    public RolloutInformers(IKubernetes client, RolloutControllerOptions options, TimeProvider time, RuntimeMetrics metrics, ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger<RolloutInformers>();
        Informer<T> Create<T>(string name, ApiResource resource, bool clusterScoped = false, string? labelSelector = null, bool metadataOnly = false)
            where T : class, IKubernetesObject<V1ObjectMeta> =>
            new(name, ListWatchFactory.ForNamespaces<T>(client, resource, clusterScoped ? [] : options.Namespaces, labelSelector, metadataOnly), options.Informers, time, metrics, logger);

        Rollouts = Create<Rollout>("rollouts", ApiResources.Rollouts);
        Deployments = Create<V1Deployment>("deployments", ApiResources.Deployments, labelSelector: RevisionSelector);
        Workloads = Create<V1Deployment>("workloads", ApiResources.Deployments, labelSelector: "!" + RevisionSelector, metadataOnly: true);
        Services = Create<V1Service>("services", ApiResources.Services);
        AnalysisTemplates = Create<AnalysisTemplate>("analysistemplates", ApiResources.AnalysisTemplates);
        ClusterAnalysisTemplates = Create<AnalysisTemplate>("clusteranalysistemplates", ApiResources.ClusterAnalysisTemplates, clusterScoped: true);

        // Only the Jobs of job metrics: the label keeps every other Job of the namespaces out of the cache.
        Jobs = Create<V1Job>("jobs", ApiResources.Jobs, labelSelector: AnalysisJobNames.JobLabel);

        // The caches hold every Deployment and Service of the watched namespaces: keep only what a reader looks at.
        if (options.CacheTransforms)
        {
            AddTransforms();
        }

        var referenced = new ReferencedWorkloads(Workloads.Cache, client, options.CacheTransforms ? CacheTransforms.Workload : d => d);
        Workloads.AddHandler(new InformerHandler<V1Deployment> { Deleted = d => referenced.Forget(ObjectKey.Of(d)) });
        Caches = new RolloutCaches(Rollouts.Cache, Deployments.Cache, Services.Cache, AnalysisTemplates.Cache, ClusterAnalysisTemplates.Cache, Jobs.Cache)
        {
            Workloads = Workloads.Cache,
            WorkloadRefs = referenced,
            RefreshWorkload = referenced.RefreshAsync,
        };
    }

    private void AddTransforms()
    {
        Rollouts.AddTransform(CacheTransforms.Rollout);
        Deployments.AddTransform(CacheTransforms.Deployment);
        Workloads.AddTransform(CacheTransforms.WorkloadMetadata);
        Services.AddTransform(CacheTransforms.Service);
        AnalysisTemplates.AddTransform(CacheTransforms.AnalysisTemplate);
        ClusterAnalysisTemplates.AddTransform(CacheTransforms.AnalysisTemplate);
    }

    /// <summary>Every revision Deployment carries this label key (its value names the Rollout).</summary>
    public const string RevisionSelector = RolloutApi.RolloutLabel;

    public Informer<Rollout> Rollouts { get; }

    /// <summary>Revision Deployments: label-selected, so no unrelated Deployment reaches this cache.</summary>
    public Informer<V1Deployment> Deployments { get; }

    /// <summary>Every Deployment without the operator's Rollout label, metadata only: which exist, at which resourceVersion.</summary>
    public Informer<V1Deployment> Workloads { get; }

    public Informer<V1Service> Services { get; }

    public Informer<AnalysisTemplate> AnalysisTemplates { get; }

    public Informer<AnalysisTemplate> ClusterAnalysisTemplates { get; }

    public Informer<V1Job> Jobs { get; }

    public RolloutCaches Caches { get; }

    public IReadOnlyList<IInformerHealth> All => [Rollouts, Deployments, Workloads, Services, AnalysisTemplates, ClusterAnalysisTemplates, Jobs];

    public Task RunAsync(CancellationToken cancellationToken) => Task.WhenAll(
        Rollouts.RunAsync(cancellationToken),
        Deployments.RunAsync(cancellationToken),
        Workloads.RunAsync(cancellationToken),
        Services.RunAsync(cancellationToken),
        AnalysisTemplates.RunAsync(cancellationToken),
        ClusterAnalysisTemplates.RunAsync(cancellationToken),
        Jobs.RunAsync(cancellationToken));

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => Task.WhenAll(
        Rollouts.WaitForSyncAsync(cancellationToken),
        Deployments.WaitForSyncAsync(cancellationToken),
        Workloads.WaitForSyncAsync(cancellationToken),
        Services.WaitForSyncAsync(cancellationToken),
        AnalysisTemplates.WaitForSyncAsync(cancellationToken),
        ClusterAnalysisTemplates.WaitForSyncAsync(cancellationToken),
        Jobs.WaitForSyncAsync(cancellationToken));
}
