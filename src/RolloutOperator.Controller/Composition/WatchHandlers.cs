using k8s;
using k8s.Models;
using RolloutOperator.Controller.Caching;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;
using RolloutOperator.Runtime.Controllers;
using RolloutOperator.Runtime.Informers;
using RolloutOperator.Runtime.Queue;

namespace RolloutOperator.Controller.Composition;

/// <summary>Maps every watched object to the Rollout keys it concerns. HTTPRoutes and Ingresses are not watched: see RolloutSync.TrafficPollInterval.</summary>
internal static class WatchHandlers
{
    public static void Register(RolloutInformers informers, WorkQueue<ObjectKey> queue)
    {
        var index = new ReferenceIndex();
        var undecodable = informers.Caches.UndecodableRollouts;
        informers.Rollouts.AddHandler(new InformerHandler<Rollout>
        {
            Added = index.Set,
            Updated = (_, rollout) => index.Set(rollout),
            Deleted = index.Remove,
        });
        informers.Rollouts.AddHandler(new InformerHandler<Rollout>
        {
            Added = rollout => undecodable.Forget(ObjectKey.Of(rollout)),
            Updated = (_, rollout) => undecodable.Forget(ObjectKey.Of(rollout)),
        });
        informers.Rollouts.AddUndecodableHandler(bad =>
        {
            undecodable.Report(bad);
            queue.Add(bad.Key);
        });
        informers.Rollouts.AddHandler(EnqueueHandlers.ForObject<Rollout>(queue, HasUnobservedSpec));
        informers.Deployments.AddHandler(EnqueueHandlers.ForOwner<V1Deployment>(queue, IsRolloutController));
        informers.Workloads.AddHandler(Referenced<V1Deployment>(queue, index, ReferenceIndex.Deployment));
        informers.Jobs.AddHandler(EnqueueHandlers.ForOwner<V1Job>(queue, IsRolloutController));
        informers.Services.AddHandler(Referenced<V1Service>(queue, index, ReferenceIndex.Service));
        informers.AnalysisTemplates.AddHandler(Referenced<AnalysisTemplate>(queue, index, ReferenceIndex.Template));
        informers.ClusterAnalysisTemplates.AddHandler(Referenced<AnalysisTemplate>(queue, index, ReferenceIndex.ClusterTemplate));
    }

    /// <summary>
    /// The priority hint: a Rollout whose spec changed (a new revision, a new Rollout) and that no reconcile has acted on
    /// yet goes before routine work (our own status echoes, child updates, timers), which never changes the generation.
    /// </summary>
    public static bool HasUnobservedSpec(Rollout rollout) =>
        rollout.Status?.ObservedGeneration is not { } observed || observed != rollout.Metadata?.Generation;

    private static bool IsRolloutController(V1OwnerReference owner) =>
        owner.Controller == true && owner.Kind == Rollout.KindName && owner.ApiVersion.StartsWith(ApiGroup.Prefix, StringComparison.Ordinal);

    private static EnqueueHandler<T, ObjectKey> Referenced<T>(WorkQueue<ObjectKey> queue, ReferenceIndex index, string kind)
        where T : IKubernetesObject<V1ObjectMeta> =>
        new(queue, obj => index.RolloutsReferencing(kind, obj.Metadata?.NamespaceProperty ?? string.Empty, obj.Metadata?.Name ?? string.Empty));
}
