using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using k8s.Models;

namespace RolloutOperator.Runtime.Informers;

/// <summary>
/// List-watch over the client's custom-object API, which addresses any group/version/plural
/// (built-in kinds included; the empty group maps to <c>/api/v1</c>).
/// </summary>
public sealed class KubernetesListWatch<T> : IListWatch<T>
    where T : IKubernetesObject<V1ObjectMeta>
{
    private readonly IKubernetes _client;
    private readonly ApiResource _resource;
    private readonly string? _labelSelector;

    public KubernetesListWatch(IKubernetes client, ApiResource resource, string? @namespace, string? labelSelector = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(resource);
        _client = client;
        _resource = resource;
        NamespaceScope = string.IsNullOrEmpty(@namespace) ? null : @namespace;
        _labelSelector = labelSelector;
    }

    public string Description => NamespaceScope is null ? _resource.ToString() : $"{_resource} in {NamespaceScope}";

    public string? NamespaceScope { get; }

    public async Task<ListPage<T>> ListAsync(int limit, string? continueToken, CancellationToken cancellationToken)
    {
        var ops = _client.CustomObjects;
        var (g, v, p) = (_resource.Group, _resource.Version, _resource.Plural);
        using var response = NamespaceScope is null
            ? await ops.ListClusterCustomObjectWithHttpMessagesAsync<KubernetesList<T>>(
                g, v, p, continueParameter: continueToken, labelSelector: _labelSelector, limit: limit,
                cancellationToken: cancellationToken).ConfigureAwait(false)
            : await ops.ListNamespacedCustomObjectWithHttpMessagesAsync<KubernetesList<T>>(
                g, v, NamespaceScope, p, continueParameter: continueToken, labelSelector: _labelSelector, limit: limit,
                cancellationToken: cancellationToken).ConfigureAwait(false);
        var list = response.Body;
        var next = list.Metadata?.ContinueProperty;
        return new ListPage<T>(
            list.Items?.ToList() ?? [],
            list.Metadata?.ResourceVersion ?? string.Empty,
            string.IsNullOrEmpty(next) ? null : next);
    }

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(
        string resourceVersion,
        int timeoutSeconds,
        Action<Exception> onError,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ops = _client.CustomObjects;
        var (g, v, p) = (_resource.Group, _resource.Version, _resource.Plural);
        var events = NamespaceScope is null
            ? ops.WatchListClusterCustomObjectAsync(
                g, v, p, allowWatchBookmarks: true, labelSelector: _labelSelector, resourceVersion: resourceVersion,
                timeoutSeconds: timeoutSeconds, onError: onError, cancellationToken: cancellationToken)
            : ops.WatchListNamespacedCustomObjectAsync(
                g, v, NamespaceScope, p, allowWatchBookmarks: true, labelSelector: _labelSelector,
                resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, onError: onError,
                cancellationToken: cancellationToken);
        await foreach (var (type, item) in events.ConfigureAwait(false))
        {
            // Custom-object watches yield untyped JSON; KubernetesJson knows the k8s converters.
            var typed = item is JsonElement json
                ? KubernetesJson.Deserialize<T>(json)
                : KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(item));
            yield return new WatchEvent<T>(type, typed);
        }
    }
}
