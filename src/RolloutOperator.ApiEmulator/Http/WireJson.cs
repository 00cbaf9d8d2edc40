using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RolloutOperator.ApiEmulator.Http;

/// <summary>Serialization as Go's encoding/json would write it (no \u0022-style escaping of quotes or '+').</summary>
internal static class WireJson
{
    // Deep objects the API accepted must be writable too (see PatchBody.Depth).
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 10_000 };

    public static string Write(JsonNode node) => node.ToJsonString(Options);
}
