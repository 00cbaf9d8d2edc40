using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Runtime.Queue;

namespace RolloutOperator.Controller.PrometheusProvider;

/// <summary>
/// Queries the Prometheus HTTP API once per measurement. Every way a measurement can fail to be taken (no address, open
/// circuit, unreadable credentials, connection failure, HTTP error, timeout, malformed body, <c>status: error</c>) is an
/// error result with the reason, so the analysis contract decides how long to tolerate it. Only the caller's cancellation
/// escapes as an exception. A metric's own address outside the admin's allowed hosts is never contacted, and every error
/// text is scrubbed of the secret values the measurement used before it is logged or returned.
/// </summary>
internal sealed class PrometheusMetricProvider : IMetricProvider, IDisposable
{
    private readonly PrometheusOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PrometheusClientCache _clients;
    private readonly CircuitBreakerRegistry _breakers;
    private readonly TransientRetry _retry;

    /// <param name="jitter">Randomness for retry jitter; a seeded instance makes tests repeatable. Defaults to <see cref="Random.Shared"/>.</param>
    public PrometheusMetricProvider(PrometheusOptions options, TimeProvider time, ILogger<PrometheusMetricProvider> logger, Random? jitter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _clients = new PrometheusClientCache(options);
        _breakers = new CircuitBreakerRegistry(options, time);
        _retry = new TransientRetry(Math.Max(0, options.MaxRetries), options.RetryBaseDelay, time, new Jitter(jitter ?? Random.Shared));
    }

    public async Task<MetricQueryResult> QueryAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (Address(query.Settings, out var addressError) is not { } address)
        {
            return MetricQueryResult.Failed(addressError);
        }

        var display = AddressDisplay.Of(address);
        if (query.Settings.Address is { Length: > 0 } && !_options.AllowedHosts.Allows(address))
        {
            // The parser refuses this already; a hand-built plan or a changed flag must not reach the network either.
            return MetricQueryResult.Failed(
                $"Prometheus address {display} is not allowed: host {address.Authority} is not in the operator's --prometheus-allowed-hosts; it was not contacted");
        }

        var scrubber = query.Scrubber ?? new SecretScrubber();
        var breaker = _breakers.For(address);
        if (!breaker.TryAcquire(out var retryAfter))
        {
            return MetricQueryResult.Failed(
                $"circuit open: Prometheus at {display} failed {breaker.ConsecutiveFailures} measurements in a row; next attempt in {Durations.Format(TimeSpan.FromSeconds(Math.Ceiling(retryAfter.TotalSeconds)))}");
        }

        var outcome = PrometheusAttempt.Scrubbed(await MeasureAsync(query, address, display, scrubber, cancellationToken).ConfigureAwait(false), scrubber);
        Record(breaker, display, outcome);
        return outcome.Result;
    }

    public void Dispose() => _clients.Dispose();

    private async Task<AttemptOutcome> MeasureAsync(MetricQuery query, Uri address, string display, SecretScrubber scrubber, CancellationToken cancellationToken)
    {
        var configured = Durations.TryParse(query.Settings.Timeout, out var written) && written > TimeSpan.Zero ? written : _options.DefaultTimeout;
        var timeout = _options.MaxTimeout <= TimeSpan.Zero || configured <= _options.MaxTimeout ? configured : _options.MaxTimeout;
        var capped = timeout < configured ? $" (metric timeout {Durations.Format(configured)} capped by the operator)" : "";
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        AttemptOutcome? last = null;
        try
        {
            var client = await ClientAsync(query, address, scrubber, linked.Token).ConfigureAwait(false);
            var authorization = await PrometheusCredentials.AuthorizationAsync(query, scrubber, _options.CredentialFileDirectories, linked.Token).ConfigureAwait(false);
            HttpRequestMessage Build() => BuildRequest(query, address, timeout, authorization);
            return await _retry.RunAsync(
                token => PrometheusAttempt.SendAsync(client, Build, address, scrubber, token),
                (failed, retry) =>
                {
                    last = failed;
                    PrometheusLog.Retrying(_logger, display, retry, failed.Result.Error ?? "");
                },
                linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var lastError = last?.Result.Error is { } error ? $" (last error: {error})" : "";
            return AttemptOutcome.Broken($"query to {display} timed out after {Durations.Format(timeout)}{capped}{lastError}");
        }
        catch (SecretUnavailableException e)
        {
            return AttemptOutcome.Rejected(e.Message);
        }
        catch (ProviderSetupException e)
        {
            return AttemptOutcome.Rejected(e.Message);
        }
    }

    private async Task<HttpClient> ClientAsync(MetricQuery query, Uri address, SecretScrubber scrubber, CancellationToken cancellationToken)
    {
        var ca = await PrometheusCredentials.CaBundleAsync(query, scrubber, _options.CredentialFileDirectories, cancellationToken).ConfigureAwait(false);
        return _clients.Get(address, ca?.Pem, ca?.Source ?? "", query.Settings.Tls?.InsecureSkipVerify == true);
    }

    private static HttpRequestMessage BuildRequest(MetricQuery query, Uri address, TimeSpan timeout, AuthenticationHeaderValue? authorization)
    {
        var request = PrometheusRequest.Create(address, query.Query, query.Settings.Range, query.Time, timeout);
        PrometheusCredentials.AddHeaders(request, query.Settings.Headers, authorization);
        return request;
    }

    private Uri? Address(PrometheusMetric settings, out string error)
    {
        error = "";
        if (settings.Address is { Length: > 0 } text)
        {
            if (Uri.TryCreate(text, UriKind.Absolute, out var address) && (address.Scheme == Uri.UriSchemeHttp || address.Scheme == Uri.UriSchemeHttps))
            {
                return address;
            }

            error = $"Prometheus address \"{text}\" is not an absolute http or https URL";
            return null;
        }

        error = "no Prometheus address configured: set provider.prometheus.address or the operator's default address";
        return _options.DefaultAddress;
    }

    private void Record(ICircuitBreaker breaker, string display, AttemptOutcome outcome)
    {
        if (outcome.Result.Error is { } error)
        {
            PrometheusLog.Failed(_logger, display, error);
        }

        if (outcome.ServerFault)
        {
            if (breaker.RecordFailure())
            {
                PrometheusLog.CircuitOpened(_logger, display, breaker.ConsecutiveFailures, _options.BreakerOpenDuration);
            }

            return;
        }

        var wasOpen = breaker.ConsecutiveFailures >= _options.BreakerFailureThreshold;
        breaker.RecordSuccess();
        if (wasOpen)
        {
            PrometheusLog.CircuitClosed(_logger, display);
        }
    }
}
