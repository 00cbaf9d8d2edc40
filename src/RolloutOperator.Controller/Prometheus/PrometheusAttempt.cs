using System.Net;
using System.Security.Authentication;
using RolloutOperator.Controller.Analysis;

namespace RolloutOperator.Controller.PrometheusProvider;

/// <summary>
/// Sends one request and classifies the answer. Cancellation propagates; the caller tells a timeout from a cancelled
/// reconcile. Error texts are scrubbed of the measurement's secret values before they are cut to size: a body or a
/// PromQL parse error may echo the query, and with it a Secret-backed argument.
/// </summary>
internal static class PrometheusAttempt
{
    public static async Task<AttemptOutcome> SendAsync(HttpClient client, Func<HttpRequestMessage> request, Uri address, SecretScrubber scrubber, CancellationToken cancellationToken) =>
        Scrubbed(await SendAsync(client, request, address, cancellationToken).ConfigureAwait(false), scrubber);

    public static AttemptOutcome Scrubbed(AttemptOutcome outcome, SecretScrubber scrubber) =>
        outcome.Result.Error is { } error ? outcome with { Result = MetricQueryResult.Failed(scrubber.Bound(error)) } : outcome;

    private static async Task<AttemptOutcome> SendAsync(HttpClient client, Func<HttpRequestMessage> request, Uri address, CancellationToken cancellationToken)
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

        // Not cut here: the scrubber must see a secret whole before the text is bounded.
        var reason = PrometheusResponseParser.ErrorReason(body) ?? body.Trim();
        var error = $"HTTP {(int)code} {reasonPhrase}{(reason.Length == 0 ? "" : ": " + reason)}";
        return code switch
        {
            HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => AttemptOutcome.Retryable(error),
            >= HttpStatusCode.InternalServerError => AttemptOutcome.Broken(error),
            _ => AttemptOutcome.Rejected(error),
        };
    }
}
