using System.Net;
using System.Text.Json;
using k8s.Autorest;

namespace RolloutOperator.Controller.Status;

/// <summary>
/// A write the API server refused for good (403 forbidden, 413 too large, 422 invalid, …): retrying unchanged will not
/// help, so the user must be told. 409 (a stale read, retried at once) and 429 (throttling) are not rejections.
/// </summary>
internal sealed record ApiRejection(int Code, string Method, string Path, string Message)
{
    /// <summary>Bound on the API's message as it goes into status and Events.</summary>
    public const int MaxMessage = 512;

    public static ApiRejection? Of(Exception exception)
    {
        if (exception is not HttpOperationException { Response: { } response } http
            || (int)response.StatusCode is < 400 or > 499
            || response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests)
        {
            return null;
        }

        var request = http.Request;
        return new ApiRejection(
            (int)response.StatusCode,
            request?.Method.Method ?? "write",
            request?.RequestUri?.AbsolutePath ?? "",
            Bounded(StatusMessage(response.Content) ?? response.ReasonPhrase ?? response.StatusCode.ToString()));
    }

    public override string ToString() => $"the API server rejected {Method} {Path} with {Code}: {Message}";

    private static string? StatusMessage(string? content)
    {
        if (string.IsNullOrEmpty(content))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
                ? message.GetString()
                : null;
        }
        catch (JsonException)
        {
            return content;
        }
    }

    private static string Bounded(string text) => text.Length <= MaxMessage ? text : text[..MaxMessage] + "…";
}
