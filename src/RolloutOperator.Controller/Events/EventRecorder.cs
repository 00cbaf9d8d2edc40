using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using RolloutOperator.Core.Engine;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Events;

/// <summary>
/// Records Rollout events as events.k8s.io/v1 Events. The client has no recorder and no dedupe: an event identical in
/// regarding object, type, reason and note within the window bumps <c>series.count</c> on the existing Event. The dedupe
/// memory is per process; after a restart the first repeat creates a new Event, as client-go's recorder does.
/// An event that cannot be written is logged and dropped: events are informational and must not fail a reconcile.
/// </summary>
internal sealed class EventRecorder
{
    private readonly IKubernetes _client;
    private readonly EventRecorderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<(string Uid, string Type, string Reason, string Note), SeriesEntry> _recent = new();
    private long _nextPruneTicks;

    public EventRecorder(IKubernetes client, EventRecorderOptions options, TimeProvider time, ILogger<EventRecorder> logger)
    {
        _client = client;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public async Task RecordAsync(Rollout regarding, IEnumerable<RolloutEvent> events, CancellationToken cancellationToken)
    {
        foreach (var rolloutEvent in events)
        {
            await RecordAsync(regarding, rolloutEvent, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task RecordAsync(Rollout regarding, RolloutEvent rolloutEvent, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var key = (regarding.Metadata.Uid ?? regarding.Metadata.Name, rolloutEvent.Severity.ToString(), rolloutEvent.Reason, rolloutEvent.Message);
        EventLog.Recording(_logger, rolloutEvent.Severity, rolloutEvent.Reason, rolloutEvent.Message);
        try
        {
            if (_recent.TryGetValue(key, out var entry) && now - entry.LastSeen < _options.DedupeWindow
                && await TryBumpAsync(regarding.Metadata.NamespaceProperty, entry, now, cancellationToken).ConfigureAwait(false))
            {
                _recent[key] = entry with { Count = entry.Count + 1, LastSeen = now };
                return;
            }

            var name = await CreateAsync(regarding, rolloutEvent, now, cancellationToken).ConfigureAwait(false);
            _recent[key] = new SeriesEntry(name, 1, now);
            Prune(now);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // Throttled (by the server or the client's event budget): best-effort, and a warning per dropped Event under
            // load would only add to it.
            EventLog.Throttled(_logger, rolloutEvent.Reason);
        }
        catch (HttpOperationException ex)
        {
            EventLog.WriteFailed(_logger, ex, rolloutEvent.Reason, (int)ex.Response.StatusCode);
        }
    }

    private async Task<string> CreateAsync(Rollout regarding, RolloutEvent rolloutEvent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var body = EventManifest.Build(regarding, rolloutEvent, _options.ReportingInstance, now);
        var created = await _client.CustomObjects.CreateNamespacedCustomObjectAsync(
            body, "events.k8s.io", "v1", regarding.Metadata.NamespaceProperty, "events", cancellationToken: cancellationToken).ConfigureAwait(false);
        var json = created is JsonElement element ? element : JsonSerializer.SerializeToElement(created);
        return json.GetProperty("metadata").GetProperty("name").GetString() ?? string.Empty;
    }

    private async Task<bool> TryBumpAsync(string ns, SeriesEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var patch = EventManifest.Series(entry.Count + 1, now);
            await _client.CustomObjects.PatchNamespacedCustomObjectAsync(
                new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch),
                "events.k8s.io", "v1", ns, "events", entry.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // The Event expired (TTL) or was deleted: start a new one.
            return false;
        }
    }

    /// <summary>
    /// Forgets series older than the window. A walk over every series per Event created cost more CPU than the rest of
    /// the recorder under load, so it runs at most ten times per window; lookups check the window themselves.
    /// </summary>
    private void Prune(DateTimeOffset now)
    {
        var next = Interlocked.Read(ref _nextPruneTicks);
        if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextPruneTicks, (now + (_options.DedupeWindow / 10)).UtcTicks, next) != next)
        {
            return;
        }

        foreach (var (key, entry) in _recent)
        {
            if (now - entry.LastSeen >= _options.DedupeWindow)
            {
                _recent.TryRemove(key, out _);
            }
        }
    }

    private sealed record SeriesEntry(string Name, int Count, DateTimeOffset LastSeen);
}
