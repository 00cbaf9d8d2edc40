using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Runtime.Queue;

namespace RolloutOperator.Controller.Outbound;

/// <summary>
/// The operator's one client for addresses that namespaced objects name. It never follows a redirect (that could leave
/// the allowed hosts), never sends cookies or default credentials, and never the operator's own token; it reads at most
/// <see cref="OutboundOptions.MaxResponseBytes"/>; the caller's token and the request's timeout both bound the call,
/// retries included. A host outside the allow-list is refused before any connection. Every error text is scrubbed of the
/// request's secret values.
/// </summary>
internal sealed class OutboundHttpClient : IOutboundHttp, IDisposable
{
    private readonly OutboundOptions _options;
    private readonly ISecretReader _secrets;
    private readonly TimeProvider _time;
    private readonly Jitter _jitter;
    private readonly HttpClient _client;

    public OutboundHttpClient(OutboundOptions options, ISecretReader secrets, TimeProvider time, Random? jitter = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _secrets = secrets ?? throw new ArgumentNullException(nameof(secrets));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _jitter = new Jitter(jitter ?? Random.Shared);
        _client = new HttpClient(CreateHandler(), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    public async Task<OutboundResponse> SendAsync(OutboundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var display = OutboundAddress.Display(request.Address);
        if (!_options.AllowedHosts.Allows(request.Address))
        {
            // The parser refuses this already; a hand-built request or a changed flag must not reach the network either.
            return OutboundResponse.Failed(
                $"address {display} is not allowed: host {request.Address.Authority} is not in the operator's --outbound-allowed-hosts; it was not contacted");
        }

        var scrubber = request.Scrubber ?? new SecretScrubber();
        var timeout = Timeout(request.Timeout);
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var attempts = 0;
        string? lastError = null;
        try
        {
            var headers = await ResolveHeadersAsync(request, scrubber, linked.Token).ConfigureAwait(false);
            var retries = Math.Clamp(request.Retries ?? _options.MaxRetries, 0, Math.Max(0, _options.MaxRetries));
            while (true)
            {
                attempts++;
                var (response, transient) = await AttemptAsync(request, headers, display, linked.Token).ConfigureAwait(false);
                if (!transient || attempts > retries)
                {
                    return Scrubbed(response with { Attempts = attempts }, scrubber);
                }

                lastError = response.Error;
                await Task.Delay(RetryDelay.Of(attempts - 1, _options.RetryBaseDelay, _jitter), _time, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var last = lastError is null ? "" : $" (last error: {lastError})";
            return Scrubbed(OutboundResponse.Failed($"request to {display} timed out after {Durations.Format(timeout)}{last}", attempts), scrubber);
        }
        catch (SecretUnavailableException e)
        {
            return OutboundResponse.Failed(e.Message, attempts);
        }
    }

    public void Dispose() => _client.Dispose();

    private TimeSpan Timeout(TimeSpan? requested)
    {
        var wanted = requested is { } t && t > TimeSpan.Zero ? t : _options.DefaultTimeout;
        return _options.MaxTimeout > TimeSpan.Zero && wanted > _options.MaxTimeout ? _options.MaxTimeout : wanted;
    }

    private async Task<IReadOnlyList<KeyValuePair<string, string>>> ResolveHeadersAsync(OutboundRequest request, SecretScrubber scrubber, CancellationToken cancellationToken)
    {
        var headers = new List<KeyValuePair<string, string>>(request.Headers.Count);
        foreach (var header in request.Headers)
        {
            var value = header.SecretKeyRef is { } reference
                ? await _secrets.ReadAsync(request.Namespace, reference, cancellationToken).ConfigureAwait(false)
                : header.Value ?? "";
            if (header.SecretKeyRef is not null)
            {
                scrubber.Add(value);
            }

            headers.Add(new(header.Name, value));
        }

        return headers;
    }

    private async Task<(OutboundResponse Response, bool Transient)> AttemptAsync(
        OutboundRequest request, IReadOnlyList<KeyValuePair<string, string>> headers, string display, CancellationToken cancellationToken)
    {
        using var message = Build(request, headers);
        try
        {
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var body = await BoundedBody.ReadAsync(response.Content, _options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            return Classify(response, body, display);
        }
        catch (HttpRequestException e) when (e.InnerException is AuthenticationException)
        {
            return (OutboundResponse.Failed($"TLS handshake with {display} failed: {e.InnerException.Message}"), false);
        }
        catch (HttpRequestException e)
        {
            return (OutboundResponse.Failed($"request to {display} failed: {e.Message}"), true);
        }
    }

    private (OutboundResponse Response, bool Transient) Classify(HttpResponseMessage response, BoundedBody body, string display)
    {
        var code = (int)response.StatusCode;
        if (body.TooLarge)
        {
            return (new OutboundResponse(code, "", $"response from {display} is larger than {_options.MaxResponseBytes} bytes", 0), false);
        }

        if (code is >= 200 and <= 299)
        {
            return (new OutboundResponse(code, body.Text, null, 0), false);
        }

        var text = body.Text.Trim();
        var error = $"HTTP {code} {response.ReasonPhrase}{(text.Length == 0 ? "" : ": " + text)}";
        var transient = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
        return (new OutboundResponse(code, body.Text, error, 0), transient);
    }

    private static HttpRequestMessage Build(OutboundRequest request, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var message = new HttpRequestMessage(request.Method, request.Address);
        if (request.Body is { } body)
        {
            message.Content = new StringContent(body);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
        }

        message.Headers.UserAgent.Add(new ProductInfoHeaderValue("rollout-operator", null));
        foreach (var (name, value) in headers)
        {
            // Validated by the parser; TryAdd without validation keeps a hand-built request from throwing mid-reconcile.
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    private static OutboundResponse Scrubbed(OutboundResponse response, SecretScrubber scrubber) =>
        response.Error is { } error ? response with { Error = scrubber.Bound(error) } : response;

    private static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        Credentials = null,
        PreAuthenticate = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
