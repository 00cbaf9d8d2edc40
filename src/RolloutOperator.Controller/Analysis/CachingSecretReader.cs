using System.Collections.Concurrent;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Analysis;

/// <summary>
/// Per-reconcile cache: several metrics naming the same Secret key cost one GET. It lives for one reconcile only, so a
/// rotated Secret is picked up by the next one. Failures are cached too, so every metric reports the same reason. Every
/// value read is given to <see cref="Scrubber"/>, so no text this reconcile writes can carry it.
/// </summary>
internal sealed class CachingSecretReader(ISecretReader inner, SecretScrubber scrubber) : ISecretReader
{
    private readonly ConcurrentDictionary<(string Namespace, string Name, string Key), Lazy<Task<string>>> _entries = new();

    public SecretScrubber Scrubber => scrubber;

    public Task<string> ReadAsync(string secretNamespace, SecretKeyRef reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var entry = _entries.GetOrAdd(
            (secretNamespace, reference.Name, reference.Key),
            _ => new Lazy<Task<string>>(() => ReadAndRememberAsync(secretNamespace, reference, cancellationToken)));
        return entry.Value;
    }

    private async Task<string> ReadAndRememberAsync(string secretNamespace, SecretKeyRef reference, CancellationToken cancellationToken)
    {
        var value = await inner.ReadAsync(secretNamespace, reference, cancellationToken).ConfigureAwait(false);
        scrubber.Add(value);
        return value;
    }
}
