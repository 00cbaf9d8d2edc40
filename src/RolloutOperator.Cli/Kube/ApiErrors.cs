using System.Net;
using System.Text.Json;
using k8s.Autorest;
using RolloutOperator.Cli.Infrastructure;

namespace RolloutOperator.Cli.Kube;

/// <summary>Turns API failures into one-line messages: the Status object's message is what the user needs, not a stack trace.</summary>
internal static class ApiErrors
{
    public static async Task<T> Guard<T>(Func<Task<T>> call, string notFound)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new CliException(notFound, e);
        }
        catch (HttpOperationException e)
        {
            throw new CliException($"API request failed ({(int)e.Response.StatusCode}): {StatusMessage(e.Response.Content)}", e);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"cannot reach the API server: {e.Message}", e);
        }
    }

    private static string StatusMessage(string? content)
    {
        if (string.IsNullOrEmpty(content))
        {
            return "no details";
        }

        try
        {
            using var doc = JsonDocument.Parse(content);
            return doc.RootElement.TryGetProperty("message", out var message) ? message.GetString() ?? content : content;
        }
        catch (JsonException)
        {
            return content;
        }
    }
}
