using k8s;
using k8s.Models;

namespace RolloutOperator.Runtime.Informers;

public static class ListWatchFactory
{
    /// <summary>
    /// One list-watch per namespace, or a single all-namespaces list-watch when
    /// <paramref name="namespaces"/> is empty.
    /// </summary>
    public static IReadOnlyList<IListWatch<T>> ForNamespaces<T>(
        IKubernetes client, ApiResource resource, IReadOnlyCollection<string> namespaces, string? labelSelector = null, bool metadataOnly = false)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(namespaces);
        if (namespaces.Count == 0)
        {
            return [new KubernetesListWatch<T>(client, resource, null, labelSelector, metadataOnly)];
        }

        return namespaces
            .Distinct(StringComparer.Ordinal)
            .Select(ns => (IListWatch<T>)new KubernetesListWatch<T>(client, resource, ns, labelSelector, metadataOnly))
            .ToList();
    }
}
