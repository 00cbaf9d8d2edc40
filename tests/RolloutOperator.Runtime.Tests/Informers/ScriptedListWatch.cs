using System.Runtime.CompilerServices;
using k8s.Models;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Runtime.Tests.Informers;

/// <summary>
/// In-memory list-watch: a fixed list, and watches that fail per a script, then hang silently until
/// cancelled (the half-dead connection the watchdog exists for).
/// </summary>
internal sealed class ScriptedListWatch(params V1ConfigMap[] items) : IListWatch<V1ConfigMap>
{
    private readonly Queue<Exception> _watchFailures = new();
    private readonly List<string> _watchedFrom = [];
    private int _listCalls;

    public string Description => "configmaps (scripted)";

    public string? NamespaceScope => null;

    public int ListCalls => Volatile.Read(ref _listCalls);

    public int WatchCalls
    {
        get
        {
            lock (_watchedFrom)
            {
                return _watchedFrom.Count;
            }
        }
    }

    public IReadOnlyList<string> WatchedFrom
    {
        get
        {
            lock (_watchedFrom)
            {
                return [.. _watchedFrom];
            }
        }
    }

    public void FailNextWatch(Exception error) => _watchFailures.Enqueue(error);

    public Task<ListPage<V1ConfigMap>> ListAsync(int limit, string? continueToken, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _listCalls);
        return Task.FromResult(new ListPage<V1ConfigMap>(items, "10", null));
    }

    public async IAsyncEnumerable<WatchEvent<V1ConfigMap>> WatchAsync(
        string resourceVersion,
        int timeoutSeconds,
        Action<Exception> onError,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        lock (_watchedFrom)
        {
            _watchedFrom.Add(resourceVersion);
        }

        if (_watchFailures.TryDequeue(out var failure))
        {
            throw failure;
        }

        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        yield break;
    }
}
