using System.Text.Json.Nodes;

namespace RolloutOperator.Controller.Traffic.Istio;

/// <summary>RFC 6902 operations; a patch always starts with a test of metadata.resourceVersion (positional paths must not land on a changed list).</summary>
internal static class JsonPatchOps
{
    public static JsonObject Add(string path, JsonNode? value) => new() { ["op"] = "add", ["path"] = path, ["value"] = value };

    public static JsonObject Remove(string path) => new() { ["op"] = "remove", ["path"] = path };

    public static JsonArray WithPrecondition(IEnumerable<JsonObject> ops, string resourceVersion) =>
        new([new JsonObject { ["op"] = "test", ["path"] = "/metadata/resourceVersion", ["value"] = resourceVersion }, .. ops]);

    /// <summary>A JSON pointer segment (RFC 6901): label keys contain '/'.</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string ResourceVersion(JsonObject o) => o["metadata"]?["resourceVersion"]?.GetValue<string>() ?? "";
}
