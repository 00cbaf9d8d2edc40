using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Api;
using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Json;

namespace RolloutOperator.ApiEmulator.Http;

/// <summary>
/// The metadata-only representation a client asks for in its Accept header, as the API server serves it:
/// <c>application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1</c> turns a list into a
/// <c>meta.k8s.io/v1 PartialObjectMetadataList</c>, and <c>as=PartialObjectMetadata</c> turns a single object (a get, or
/// each object of a watch event) into a <c>PartialObjectMetadata</c>: kind, apiVersion and the whole metadata, nothing else.
/// The media ranges are tried in order; the first one that can be served for the request wins, so a client that adds a
/// plain <c>application/json</c> fallback gets whole objects where the metadata form does not fit. A request whose only
/// ranges ask for a form that does not fit (a list as PartialObjectMetadata) is refused with 406, like the real server.
/// </summary>
internal static class PartialMetadata
{
    public const string ApiVersion = "meta.k8s.io/v1";
    public const string Kind = "PartialObjectMetadata";
    public const string ListKind = "PartialObjectMetadataList";

    /// <summary>Whether the response to a request with this Accept header is metadata only.</summary>
    public static bool Requested(string? accept, bool list)
    {
        var asked = false;
        foreach (var range in (accept ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = range.Split(';', StringSplitOptions.TrimEntries);
            if (parts[0] is not ("application/json" or "application/*" or "*/*"))
            {
                continue;
            }

            var parameters = parts.Skip(1).Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
            if (!parameters.TryGetValue("as", out var target))
            {
                return false;
            }

            asked = true;
            if (parameters.GetValueOrDefault("g") == "meta.k8s.io" && parameters.GetValueOrDefault("v") == "v1" && target == (list ? ListKind : Kind))
            {
                return true;
            }
        }

        return asked ? throw NotAcceptable() : false;
    }

    public static JsonObject Object(JsonObject full) => new()
    {
        ["kind"] = Kind,
        ["apiVersion"] = ApiVersion,
        ["metadata"] = full["metadata"] is JsonObject metadata ? JsonTree.CloneObject(metadata) : new JsonObject(),
    };

    public static JsonObject List(JsonObject full) => new()
    {
        ["kind"] = ListKind,
        ["apiVersion"] = ApiVersion,
        ["metadata"] = full["metadata"]?.DeepClone(),
        ["items"] = new JsonArray([.. (full["items"]?.AsArray() ?? []).OfType<JsonObject>().Select(i => (JsonNode)Object(i))]),
    };

    private static ApiException NotAcceptable() =>
        new(406, "NotAcceptable", "only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf");
}
