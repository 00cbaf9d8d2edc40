using System.Collections.Concurrent;
using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using RolloutOperator.Model;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Caching;

/// <summary>
/// The whole Deployments that Rollouts name in spec.workloadRef, and only those. Which Deployments exist, and their
/// resourceVersions, come from a metadata-only watch (<paramref name="index"/>); a referenced one is read with a GET
/// before a reconcile of its Rollout when it is missing here or the watch has seen a newer version, so a Deployment
/// that no Rollout names is never held whole. A change of a referenced Deployment wakes its Rollouts through the
/// watch; its deletion drops it (<see cref="Forget"/>). Only <see cref="Find(string, string)"/> answers for the cache's
/// readers; the listing members see the Deployments read so far.
/// </summary>
internal sealed class ReferencedWorkloads(IObjectCache<V1Deployment> index, IKubernetes client, Func<V1Deployment, V1Deployment> transform)
    : IObjectCache<V1Deployment>
{
    private readonly ConcurrentDictionary<ObjectKey, V1Deployment> _read = new();

    public int Count => _read.Count;

    /// <summary>The Deployment as last read, while the watch says it exists.</summary>
    public V1Deployment? Find(ObjectKey key) => index.Find(key) is null ? null : _read.GetValueOrDefault(key);

    public V1Deployment? Find(string namespaceName, string name) => Find(new ObjectKey(namespaceName, name));

    public IReadOnlyList<V1Deployment> List(string? namespaceName = null) =>
        [.. _read.Where(e => namespaceName is null || e.Key.Namespace == namespaceName).Select(e => e.Value)];

    public IReadOnlyList<V1Deployment> List(string? namespaceName, V1LabelSelector selector) =>
        [.. List(namespaceName).Where(d => LabelSelectorMatcher.Matches(selector, d.Metadata?.Labels))];

    public IReadOnlyList<V1Deployment> ListByControllerUid(string ownerUid) =>
        [.. _read.Values.Where(d => d.Metadata?.OwnerReferences?.Any(o => o.Controller == true && o.Uid == ownerUid) == true)];

    /// <summary>
    /// Makes <see cref="Find(string, string)"/> current for the Rollout's workloadRef: reads the Deployment when the watch
    /// knows a version this store does not hold; forgets it when the watch says it does not exist.
    /// </summary>
    public async Task RefreshAsync(Rollout rollout, CancellationToken cancellationToken)
    {
        if (rollout.Spec.WorkloadRef is not { Name.Length: > 0 } reference)
        {
            return;
        }

        var key = new ObjectKey(rollout.Metadata.NamespaceProperty ?? string.Empty, reference.Name);
        if (index.Find(key) is not { } known)
        {
            _read.TryRemove(key, out _);
            return;
        }

        if (_read.TryGetValue(key, out var held) && held.Metadata?.ResourceVersion == known.Metadata?.ResourceVersion)
        {
            return;
        }

        if (await ReadAsync(key, cancellationToken).ConfigureAwait(false) is { } deployment)
        {
            _read[key] = transform(deployment);
        }
        else
        {
            _read.TryRemove(key, out _);
        }
    }

    /// <summary>The watch saw the Deployment deleted.</summary>
    public void Forget(ObjectKey key) => _read.TryRemove(key, out _);

    private async Task<V1Deployment?> ReadAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        try
        {
            return await client.AppsV1.ReadNamespacedDeploymentAsync(key.Name, key.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
