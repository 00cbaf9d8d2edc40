using System.Globalization;
using Microsoft.AspNetCore.Http;
using RolloutOperator.ApiEmulator.Api;
using RolloutOperator.ApiEmulator.Selectors;

namespace RolloutOperator.ApiEmulator.Http;

/// <summary>Reads list/watch/write/delete options from the query string.</summary>
internal static class QueryOptions
{
    public static ListOptions List(IQueryCollection query, string groupResource, string? pinnedName)
    {
        var fields = FieldSelector.Parse(query["fieldSelector"], groupResource);
        if (pinnedName is not null)
        {
            fields = FieldSelector.Parse($"metadata.name={pinnedName}" + (query["fieldSelector"].ToString() is { Length: > 0 } f ? "," + f : string.Empty), groupResource);
        }

        return new ListOptions(
            LabelSelector.Parse(query["labelSelector"]),
            fields,
            int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var limit) ? limit : 0,
            query["continue"].ToString() is { Length: > 0 } c ? c : null,
            query["resourceVersion"].ToString() is { Length: > 0 } rv ? rv : null,
            int.TryParse(query["timeoutSeconds"], CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null,
            query["allowWatchBookmarks"] == "true");
    }

    public static WriteOptions Write(IQueryCollection query, string? userAgent)
    {
        var manager = query["fieldManager"].ToString();
        if (manager.Length == 0)
        {
            // Like the apiserver: default the manager to the user agent's product name.
            manager = (userAgent ?? "unknown").Split('/')[0];
        }

        return new WriteOptions(manager, query["dryRun"] == "All", query["force"] == "true", query["fieldValidation"] == "Strict");
    }

    public static bool HasFieldManager(IQueryCollection query) => query["fieldManager"].ToString().Length > 0;

    public static string? Propagation(IQueryCollection query) =>
        query["propagationPolicy"].ToString() is { Length: > 0 } p ? p : null;
}
