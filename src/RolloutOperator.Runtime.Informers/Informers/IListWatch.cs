namespace RolloutOperator.Runtime.Informers;

/// <summary>
/// The two API calls an informer needs, for one resource in one scope (a namespace or all of them).
/// Keeps the informer independent of typed vs custom-object client APIs.
/// </summary>
public interface IListWatch<T>
{
    /// <summary>Human-readable resource and scope, for logs and metrics.</summary>
    string Description { get; }

    /// <summary>The namespace this list-watch covers, or null for all namespaces / cluster scope.</summary>
    string? NamespaceScope { get; }

    Task<ListPage<T>> ListAsync(int limit, string? continueToken, CancellationToken cancellationToken);

    /// <summary>
    /// Watches from <paramref name="resourceVersion"/> with bookmarks. A 410 Expired is reported through
    /// <paramref name="onError"/> (then the stream ends normally); transport failures throw.
    /// </summary>
    IAsyncEnumerable<WatchEvent<T>> WatchAsync(
        string resourceVersion, int timeoutSeconds, Action<Exception> onError, CancellationToken cancellationToken);
}
