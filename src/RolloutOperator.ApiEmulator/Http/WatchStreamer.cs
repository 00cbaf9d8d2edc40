using System.Text;
using Microsoft.AspNetCore.Http;
using RolloutOperator.ApiEmulator.Api;
using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Resources;
using RolloutOperator.ApiEmulator.Storage;
using RolloutOperator.ApiEmulator.Watch;

namespace RolloutOperator.ApiEmulator.Http;

/// <summary>Serves a watch as newline-delimited JSON events until timeout, drop, disconnect or shutdown.</summary>
internal sealed class WatchStreamer(ObjectStore store, TimeProvider time, TimeSpan defaultWatchTimeout, TimeSpan bookmarkInterval)
{
    public async Task StreamAsync(HttpResponse response, ResourceType type, string? ns, ListOptions list, bool metadataOnly, CancellationToken ct)
    {
        var watcher = new Watcher(type, new WatchFilter(type.GroupResource, ns, list.Labels, list.Fields));
        try
        {
            store.Subscribe(watcher, ParseRv(list.ResourceVersion));
        }
        catch (ApiException expired) when (expired.Code == 410)
        {
            // The real server answers 200 and sends a single ERROR event carrying the 410 Status.
            watcher.Fail(expired);
        }

        using var timeout = time.CreateTimer(_ => watcher.Close(), null, list.Timeout ?? defaultWatchTimeout, Timeout.InfiniteTimeSpan);
        using var bookmarks = list.AllowBookmarks
            ? time.CreateTimer(_ => store.BookmarkNow(watcher), null, bookmarkInterval, bookmarkInterval)
            : null;
        try
        {
            response.StatusCode = 200;
            response.ContentType = "application/json";
            await response.StartAsync(ct).ConfigureAwait(false);
            await foreach (var e in watcher.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                // Metadata only: each object as PartialObjectMetadata; an ERROR event's Status stays as it is.
                var line = metadataOnly && e.Type != "ERROR" ? new WatchEvent(e.Type, PartialMetadata.Object(e.Object)) : e;
                await response.Body.WriteAsync(Encoding.UTF8.GetBytes(WireJson.Write(line.ToJson()) + "\n"), ct).ConfigureAwait(false);
                await response.Body.FlushAsync(ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Client went away or the emulator is shutting down.
        }
        finally
        {
            store.Unsubscribe(watcher);
        }
    }

    private static long? ParseRv(string? rv) =>
        long.TryParse(rv, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}
