using System.Collections.Concurrent;
using System.Text.Json;

namespace RolloutOperator.ScaleBench;

/// <summary>
/// Watches the Rollouts of a namespace over HTTP and keeps, per Rollout, every change of its step, phase and
/// revisions with the time it was seen. Pause lateness is read from these observations.
/// </summary>
internal sealed class RolloutWatch : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, List<RolloutObservation>> _seen = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RolloutWatch(HttpClient http, string path)
        : this(ct => http.GetAsync($"{path}?watch=true&timeoutSeconds=3600", HttpCompletionOption.ResponseHeadersRead, ct))
    {
    }

    /// <summary>Watches through <paramref name="open"/>, which starts a watch request (reopened whenever it ends).</summary>
    public RolloutWatch(Func<CancellationToken, Task<HttpResponseMessage>> open) => _loop = Task.Run(() => RunAsync(open, _stop.Token));

    /// <summary>How many objects the watch has seen so far.</summary>
    public int Seen => _seen.Count;

    public IReadOnlyList<RolloutObservation> Of(string name)
    {
        if (!_seen.TryGetValue(name, out var list))
        {
            return [];
        }

        lock (list)
        {
            return list.ToList();
        }
    }

    private async Task RunAsync(Func<CancellationToken, Task<HttpResponseMessage>> open, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                using var response = await open(ct);
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
                while (await reader.ReadLineAsync(ct) is { } line)
                {
                    Record(line);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, ct);
            }
        }
    }

    private void Record(string line)
    {
        var now = TimeProvider.System.GetUtcNow();
        using var doc = JsonDocument.Parse(line);
        var obj = doc.RootElement.GetProperty("object");
        if (!obj.TryGetProperty("metadata", out var meta) || !meta.TryGetProperty("name", out var nameElement))
        {
            return;
        }

        var status = obj.TryGetProperty("status", out var s) ? s : default;
        var observation = new RolloutObservation(
            now,
            Int(status, "currentStepIndex"),
            Text(status, "phase"),
            Text(status, "canaryRevision"),
            Text(status, "stableRevision"));
        var list = _seen.GetOrAdd(nameElement.GetString()!, _ => []);
        lock (list)
        {
            if (list.Count == 0 || !list[^1].SameState(observation))
            {
                list.Add(observation);
            }
        }
    }

    private static string? Text(JsonElement status, string field) =>
        status.ValueKind == JsonValueKind.Object && status.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement status, string field) =>
        status.ValueKind == JsonValueKind.Object && status.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopping is the only way out of the loop.
        }

        _stop.Dispose();
    }
}
