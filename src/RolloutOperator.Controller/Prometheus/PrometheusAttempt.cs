using System.Net;
using System.Security.Authentication;
using RolloutOperator.Controller.Analysis;

namespace RolloutOperator.Controller.PrometheusProvider;

/// <summary>Sends one request and classifies the answer. Cancellation propagates; the caller tells a timeout from a cancelled reconcile.</summary>
internal static class PrometheusAttempt
{
    private const int MaxReasonLength = 512;

    public static async Task<AttemptOutcome> SendAsync(HttpClient client, Func<HttpRequestMessage> request, Uri address, CancellationToken cancellationToken)
    {
        using var message = request();
        try
        {
            using var response = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return Classify(response.StatusCode, response.ReasonPhrase, body);
        }
        catch (HttpRequestException e) when (e.InnerException is AuthenticationException)
        {
            // A certificate that is not trusted will not become trusted on retry; it is a configuration problem.
            return AttemptOutcome.Rejected($"TLS handshake with {AddressDisplay.Of(address)} failed: {e.InnerException.Message}");
        }
        catch (HttpRequestException e)
        {
            return AttemptOutcome.Retryable($"request to {AddressDisplay.Of(address)} failed: {e.Message}");
        }
    }

    private static AttemptOutcome Classify(HttpStatusCode code, string? reasonPhrase, string body)
    {
        if (code == HttpStatusCode.OK)
        {
            var result = PrometheusResponseParser.Parse(body);
            return result.Error is null ? AttemptOutcome.Answer(result) : AttemptOutcome.Rejected(result.Error);
        }

        var reason = PrometheusResponseParser.ErrorReason(body) ?? Truncate(body.Trim());
        var error = $"HTTP {(int)code} {reasonPhrase}{(reason.Length == 0 ? "" : ": " + reason)}";
        return code switch
        {
            HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => AttemptOutcome.Retryable(error),
            >= HttpStatusCode.InternalServerError => AttemptOutcome.Broken(error),
            _ => AttemptOutcome.Rejected(error),
        };
    }

    private static string Truncate(string text) => text.Length <= MaxReasonLength ? text : text[..MaxReasonLength] + "…";
}
