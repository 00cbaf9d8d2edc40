using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace RolloutOperator.ApiEmulator.Tests;

/// <summary>Raw JSON writes, so a test can send exactly the bytes a client would (including invalid ones).</summary>
internal static class RawApi
{
    public static async Task<(HttpStatusCode Code, JsonObject Body)> SendAsync(ApiServerEmulator emulator, HttpMethod method, string path, string body, string contentType = "application/json")
    {
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        using var response = await http.SendAsync(request, TestContext.Current);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current);
        return (response.StatusCode, JsonNode.Parse(text) as JsonObject ?? []);
    }

    public static Task<(HttpStatusCode Code, JsonObject Body)> PostAsync(ApiServerEmulator emulator, string path, string body) =>
        SendAsync(emulator, HttpMethod.Post, path, body);

    public static IEnumerable<JsonObject> Causes(JsonObject status) =>
        (status["details"]?["causes"] as JsonArray ?? []).OfType<JsonObject>();
}
