using System.Collections.Concurrent;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Analysis;

/// <summary>
/// Per-reconcile cache: several metrics naming the same Secret key cost one GET. It lives for one reconcile only, so a
/// rotated Secret is picked up by the next one. Failures are cached too, so every metric reports the same reason.
/// </summary>
internal sealed class CachingSecretReader(ISecretReader inner) : ISecretReader
{
    private readonly ConcurrentDictionary<(string Namespace, string Name, string Key), Lazy<Task<string>>> _entries = new();

    public Task<string> ReadAsync(string secretNamespace, SecretKeyRef reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var entry = _entries.GetOrAdd(
            (secretNamespace, reference.Name, reference.Key),
            _ => new Lazy<Task<string>>(() => inner.ReadAsync(secretNamespace, reference, cancellationToken)));
        return entry.Value;
    }
}
