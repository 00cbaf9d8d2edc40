using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RolloutOperator.ApiEmulator.Api;
using RolloutOperator.ApiEmulator.Failures;

namespace RolloutOperator.ApiEmulator.Http;

internal static class JsonResponses
{
    public static async Task WriteAsync(HttpResponse response, int code, JsonNode body, CancellationToken ct)
    {
        response.StatusCode = code;
        response.ContentType = "application/json";
        await response.WriteAsync(WireJson.Write(body), ct).ConfigureAwait(false);
    }

    public static Task WriteErrorAsync(HttpResponse response, ApiException error, CancellationToken ct)
    {
        if (error.RetryAfterSeconds is { } retryAfter)
        {
            response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return WriteAsync(response, error.Code, error.ToStatus(), ct);
    }
}
