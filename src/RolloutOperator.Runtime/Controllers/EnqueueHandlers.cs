using k8s;
using k8s.Models;
using RolloutOperator.Runtime.Informers;
using RolloutOperator.Runtime.Queue;

namespace RolloutOperator.Runtime.Controllers;

/// <summary>The two common event-to-key mappings: an object's own key, and its controller owner's key.</summary>
public static class EnqueueHandlers
{
    /// <param name="isPriority">Puts the object's key into the priority lane when it holds for the object as it is now.</param>
    public static EnqueueHandler<T, ObjectKey> ForObject<T>(WorkQueue<ObjectKey> queue, Func<T, bool>? isPriority = null)
        where T : IKubernetesObject<V1ObjectMeta> =>
        new(queue, obj => [ObjectKey.Of(obj)], isPriority);

    /// <summary>
    /// Maps a child to its owners' keys (same namespace as the child). <paramref name="isOwner"/>
    /// picks the relevant references, e.g. <c>r =&gt; r.Controller == true &amp;&amp; r.Kind == "Rollout"</c>.
    /// </summary>
    public static EnqueueHandler<T, ObjectKey> ForOwner<T>(
        WorkQueue<ObjectKey> queue, Func<V1OwnerReference, bool> isOwner)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(isOwner);
        return new EnqueueHandler<T, ObjectKey>(queue, obj => OwnerKeys(obj, isOwner));
    }

    private static IEnumerable<ObjectKey> OwnerKeys(IKubernetesObject<V1ObjectMeta> obj, Func<V1OwnerReference, bool> isOwner)
    {
        var ns = obj.Metadata?.NamespaceProperty ?? string.Empty;
        return (obj.Metadata?.OwnerReferences ?? [])
            .Where(isOwner)
            .Select(owner => new ObjectKey(ns, owner.Name));
    }
}
