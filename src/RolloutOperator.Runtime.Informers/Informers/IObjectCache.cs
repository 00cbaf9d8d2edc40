using k8s.Models;

namespace RolloutOperator.Runtime.Informers;

/// <summary>
/// Read-only view of an informer's cache. Returned objects are shared with every other reader:
/// clone before mutating (e.g. <c>KubernetesJson.Deserialize&lt;T&gt;(KubernetesJson.Serialize(obj))</c>).
/// </summary>
public interface IObjectCache<T>
    where T : class
{
    int Count { get; }

    T? Find(ObjectKey key);

    T? Find(string namespaceName, string name);

    /// <summary>All objects, or those in <paramref name="namespaceName"/> when it is not null.</summary>
    IReadOnlyList<T> List(string? namespaceName = null);

    /// <summary>Objects whose labels match the selector (matchLabels and matchExpressions).</summary>
    IReadOnlyList<T> List(string? namespaceName, V1LabelSelector selector);

    /// <summary>Objects whose controller owner reference (<c>controller: true</c>) has this uid.</summary>
    IReadOnlyList<T> ListByControllerUid(string ownerUid);
}
