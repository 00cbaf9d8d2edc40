using System.Collections.Concurrent;
using RolloutOperator.Model;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Reconciliation;

/// <summary>
/// Bridges the gap between our own write and the informer seeing it. Deciding on a cached Rollout whose status predates
/// our last status patch would repeat the previous decision (e.g. set the previous step's weight again); so until the
/// cache moves past the versions we know are stale, the Rollout returned by our last write is used instead.
/// </summary>
internal sealed class FreshRollouts
{
    private readonly ConcurrentDictionary<ObjectKey, Entry> _written = new();

    public Rollout? Current(ObjectKey key, Rollout? cached)
    {
        if (cached is null || !_written.TryGetValue(key, out var entry))
        {
            return cached;
        }

        if (entry.StaleVersions.Contains(cached.Metadata.ResourceVersion ?? string.Empty))
        {
            return entry.Written;
        }

        _written.TryRemove(key, out _);
        return cached;
    }

    public void Remember(ObjectKey key, IEnumerable<string?> staleVersions, Rollout written)
    {
        var stale = staleVersions.OfType<string>().Where(v => v != written.Metadata.ResourceVersion).ToHashSet(StringComparer.Ordinal);
        if (_written.TryGetValue(key, out var previous))
        {
            stale.UnionWith(previous.StaleVersions);
        }

        _written[key] = new Entry(stale, written);
    }

    public void Forget(ObjectKey key) => _written.TryRemove(key, out _);

    private sealed record Entry(HashSet<string> StaleVersions, Rollout Written);
}
