using System.Text;
using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Failures;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>Opaque list continuation: base64 JSON of the list's resourceVersion and the last key returned.</summary>
internal static class ContinueToken
{
    public static string Encode(long rv, string lastKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = rv, ["start"] = lastKey + "\u0000" }.ToJsonString()));

    public static string DecodeStartAfter(string token)
    {
        try
        {
            var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)));
            var start = json?["start"]?.GetValue<string>() ?? throw new FormatException();
            return start.TrimEnd('\u0000');
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            throw Errors.BadRequest("continue key is not valid: illegal base64 data or malformed token");
        }
    }
}
