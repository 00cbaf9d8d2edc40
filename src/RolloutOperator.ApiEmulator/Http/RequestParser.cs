using Microsoft.AspNetCore.Http;

namespace RolloutOperator.ApiEmulator.Http;

/// <summary>Maps a URL to group/version/namespace/resource/name/subresource and a verb, like the apiserver's RequestInfoFactory.</summary>
internal static class RequestParser
{
    private static readonly HashSet<string> NamespaceSubresources = new(StringComparer.Ordinal) { "status", "finalize" };

    public static ApiRequest Parse(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        var query = request.QueryString.Value ?? string.Empty;
        var userAgent = request.Headers.UserAgent.ToString();
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var (group, version, rest) = segments switch
        {
            ["api", var v, .. var r] => (string.Empty, v, r),
            ["apis", var g, var v, .. var r] => (g, v, r),
            _ => (null, null, Array.Empty<string>()),
        };
        if (group is null || rest.Length == 0)
        {
            return new ApiRequest("discovery", request.Method, path, query, group, version, null, null, null, null, userAgent);
        }

        var watchPath = rest[0] == "watch";
        var parts = watchPath ? rest[1..] : rest;
        string? ns = null;
        if (parts.Length > 1 && parts[0] == "namespaces")
        {
            ns = parts[1];
            if (parts.Length > 2 && !NamespaceSubresources.Contains(parts[2]))
            {
                parts = parts[2..];
            }
        }

        var resource = parts.Length > 0 ? parts[0] : null;
        var name = parts.Length > 1 ? parts[1] : null;
        var subresource = parts.Length > 2 ? parts[2] : null;
        if (resource == "namespaces")
        {
            ns = null;
        }

        var watch = watchPath || IsTrue(request.Query["watch"]);
        var verb = Verb(request.Method, name is not null, watch);
        return new ApiRequest(verb, request.Method, path, query, group, version, resource, subresource, ns, name, userAgent);
    }

    private static string Verb(string method, bool named, bool watch) => method switch
    {
        "GET" when watch => "watch",
        "GET" => named ? "get" : "list",
        "POST" => "create",
        "PUT" => "update",
        "PATCH" => "patch",
        "DELETE" => named ? "delete" : "deletecollection",
        _ => method.ToLowerInvariant(),
    };

    private static bool IsTrue(string? value) => value is "true" or "1" or "True";
}
