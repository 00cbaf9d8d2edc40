using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;

namespace RolloutOperator.EndToEnd.Tests.Support;

/// <summary>
/// Watches objects of one kind and keeps a projection of every version it sees, so a test sees short-lived states (a
/// weight held for milliseconds) that polling would miss.
/// </summary>
public sealed class ObjectRecorder<T> : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<T> _seen = [];
    private readonly Task _loop;

    public ObjectRecorder(Kubernetes client, string group, string version, string @namespace, string plural, Func<JsonObject, T?> project)
    {
        _loop = Task.Run(() => RunAsync(client, group, version, @namespace, plural, project));
    }

    public IReadOnlyList<T> Seen
    {
        get
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    /// <summary>The values seen, with consecutive repeats collapsed.</summary>
    public IReadOnlyList<T> Changes() => [.. Seen.Where((v, i) => i == 0 || !Equals(Seen[i - 1], v))];

    private async Task RunAsync(Kubernetes client, string group, string version, string @namespace, string plural, Func<JsonObject, T?> project)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var events = client.CustomObjects.WatchListNamespacedCustomObjectAsync(group, version, @namespace, plural, cancellationToken: _stop.Token);
                await foreach (var (_, item) in events)
                {
                    var json = item is JsonElement element ? element.GetRawText() : JsonSerializer.Serialize(item);
                    if (project(JsonNode.Parse(json)!.AsObject()) is { } value)
                    {
                        lock (_seen)
                        {
                            _seen.Add(value);
                        }
                    }
                }
            }
            catch (Exception) when (!_stop.IsCancellationRequested)
            {
                // Dropped by fault injection or the server: watch again.
                await Task.Delay(20);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
