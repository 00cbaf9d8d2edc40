using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using RolloutOperator.Controller.Caching;
using RolloutOperator.Controller.Model;
using RolloutOperator.Controller.Reconciliation;
using RolloutOperator.Runtime.Health;
using RolloutOperator.Runtime.Informers;
using RolloutOperator.Runtime.Metrics;

namespace RolloutOperator.Controller.Composition;

/// <summary>
/// The informers the Rollout controller reads. Deployments are watched without a label selector because the
/// workloadRef Deployment is the user's and carries none of our labels; revision Deployments are found by owner uid.
/// </summary>
internal sealed class RolloutInformers
{
    public RolloutInformers(IKubernetes client, RolloutControllerOptions options, TimeProvider time, RuntimeMetrics metrics, ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger<RolloutInformers>();
        Informer<T> Create<T>(string name, ApiResource resource, bool clusterScoped = false)
            where T : class, IKubernetesObject<V1ObjectMeta> =>
            new(name, ListWatchFactory.ForNamespaces<T>(client, resource, clusterScoped ? [] : options.Namespaces), options.Informers, time, metrics, logger);

        Rollouts = Create<Rollout>("rollouts", RolloutApi.Rollouts);
        Deployments = Create<V1Deployment>("deployments", RolloutApi.Deployments);
        Services = Create<V1Service>("services", RolloutApi.Services);
        AnalysisTemplates = Create<AnalysisTemplate>("analysistemplates", RolloutApi.AnalysisTemplates);
        ClusterAnalysisTemplates = Create<AnalysisTemplate>("clusteranalysistemplates", RolloutApi.ClusterAnalysisTemplates, clusterScoped: true);

        // The caches hold every Deployment and Service of the watched namespaces: keep only what a reader looks at.
        if (options.CacheTransforms)
        {
            AddTransforms();
        }

        Caches = new RolloutCaches(Rollouts.Cache, Deployments.Cache, Services.Cache, AnalysisTemplates.Cache, ClusterAnalysisTemplates.Cache);
    }

    private void AddTransforms()
    {
        Rollouts.AddTransform(CacheTransforms.Rollout);
        Deployments.AddTransform(CacheTransforms.Deployment);
        Services.AddTransform(CacheTransforms.Service);
        AnalysisTemplates.AddTransform(CacheTransforms.AnalysisTemplate);
        ClusterAnalysisTemplates.AddTransform(CacheTransforms.AnalysisTemplate);
    }

    public Informer<Rollout> Rollouts { get; }

    public Informer<V1Deployment> Deployments { get; }

    public Informer<V1Service> Services { get; }

    public Informer<AnalysisTemplate> AnalysisTemplates { get; }

    public Informer<AnalysisTemplate> ClusterAnalysisTemplates { get; }

    public RolloutCaches Caches { get; }

    public IReadOnlyList<IInformerHealth> All => [Rollouts, Deployments, Services, AnalysisTemplates, ClusterAnalysisTemplates];

    public Task RunAsync(CancellationToken cancellationToken) => Task.WhenAll(
        Rollouts.RunAsync(cancellationToken),
        Deployments.RunAsync(cancellationToken),
        Services.RunAsync(cancellationToken),
        AnalysisTemplates.RunAsync(cancellationToken),
        ClusterAnalysisTemplates.RunAsync(cancellationToken));

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => Task.WhenAll(
        Rollouts.WaitForSyncAsync(cancellationToken),
        Deployments.WaitForSyncAsync(cancellationToken),
        Services.WaitForSyncAsync(cancellationToken),
        AnalysisTemplates.WaitForSyncAsync(cancellationToken),
        ClusterAnalysisTemplates.WaitForSyncAsync(cancellationToken));
}
