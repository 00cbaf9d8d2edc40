using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using k8s.Models;

namespace RolloutOperator.Runtime.Informers;

/// <summary>
/// List-watch of any group/version/plural (built-in kinds included; the empty group maps to <c>/api/v1</c>). Responses
/// are decoded object by object: an object that cannot be decoded is reported as <see cref="UndecodableObject"/> and
/// skipped, and every other object is delivered as usual.
/// </summary>
public sealed class KubernetesListWatch<T> : IListWatch<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly RawApi _api;
    private readonly ApiResource _resource;
    private readonly string? _labelSelector;
    private readonly bool _metadataOnly;

    /// <param name="metadataOnly">
    /// Ask for metadata only (<see cref="MetadataOnly"/>): lists and watch events carry each object's kind, apiVersion and
    /// metadata, nothing else. For caches that only need to know which objects exist and when they change.
    /// </param>
    public KubernetesListWatch(IKubernetes client, ApiResource resource, string? @namespace, string? labelSelector = null, bool metadataOnly = false)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(resource);
        _api = new RawApi(client as Kubernetes ?? throw new ArgumentException("list-watch needs a k8s.Kubernetes client", nameof(client)));
        _resource = resource;
        NamespaceScope = string.IsNullOrEmpty(@namespace) ? null : @namespace;
        _labelSelector = labelSelector;
        _metadataOnly = metadataOnly;
    }

    public string Description => NamespaceScope is null ? _resource.ToString() : $"{_resource} in {NamespaceScope}";

    public string? NamespaceScope { get; }

    public async Task<ListPage<T>> ListAsync(int limit, string? continueToken, CancellationToken cancellationToken)
    {
        var path = RawApi.Path(_resource, NamespaceScope, [
            ("limit", limit.ToString(CultureInfo.InvariantCulture)), ("continue", continueToken), ("labelSelector", _labelSelector)]);
        using var response = await _api.GetAsync(path, cancellationToken, _metadataOnly ? MetadataOnly.ListAccept : null).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var list = await JsonDocument.ParseAsync(body, ObjectDecoder.Document, cancellationToken).ConfigureAwait(false);
        var items = new List<T>();
        var undecodable = new List<UndecodableObject>();
        if (list.RootElement.TryGetProperty("items", out var elements) && elements.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in elements.EnumerateArray())
            {
                if (ObjectDecoder.TryDecode<T>(element, out var item, out var bad))
                {
                    items.Add(item!);
                }
                else
                {
                    undecodable.Add(bad!);
                }
            }
        }

        var metadata = list.RootElement.TryGetProperty("metadata", out var m) ? m : default;
        var next = Text(metadata, "continue");
        return new ListPage<T>(items, Text(metadata, "resourceVersion") ?? string.Empty, string.IsNullOrEmpty(next) ? null : next)
        {
            Undecodable = undecodable,
        };
    }

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(
        string resourceVersion,
        int timeoutSeconds,
        Action<Exception> onError,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onError);
        var path = RawApi.Path(_resource, NamespaceScope, [
            ("watch", "true"), ("allowWatchBookmarks", "true"), ("resourceVersion", resourceVersion),
            ("timeoutSeconds", timeoutSeconds.ToString(CultureInfo.InvariantCulture)), ("labelSelector", _labelSelector)]);
        using var response = await _api.GetAsync(path, cancellationToken, _metadataOnly ? MetadataOnly.ObjectAccept : null).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(body);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length > 0 && WatchLine.Decode<T>(line, onError) is { } watchEvent)
            {
                yield return watchEvent;
            }
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
