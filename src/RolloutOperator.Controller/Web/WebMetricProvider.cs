using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Web;

/// <summary>
/// GETs or POSTs a web metric's URL and reads the value at its JSON path. Redirects are not followed (a redirect could
/// leave the allowed hosts), no ambient credentials are sent, the body read is bounded and the timeout capped.
/// </summary>
public sealed class WebMetricProvider : IWebMetricProvider, IDisposable
{
    private readonly HttpClient _client;
    private readonly WebProviderOptions _options;
    private readonly TimeProvider _time;

    public WebMetricProvider(WebProviderOptions options, TimeProvider time, HttpMessageHandler? handler = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _client = new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, Credentials = null, UseProxy = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public async Task<MetricQueryResult> MeasureAsync(WebRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_options.AllowedHosts.Allows(request.Url))
        {
            return MetricQueryResult.Failed($"host {request.Url.Authority} is not in the operator's --outbound-allowed-hosts");
        }

        var timeout = request.Timeout < _options.MaxTimeout ? request.Timeout : _options.MaxTimeout;
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var message = Message(request);
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return MetricQueryResult.Failed($"{Shown(request)} answered HTTP {(int)response.StatusCode}");
            }

            var body = await BoundedBody.ReadAsync(response.Content, _options.MaxResponseBytes, linked.Token).ConfigureAwait(false);
            return body is null
                ? MetricQueryResult.Failed($"{Shown(request)} answered more than {_options.MaxResponseBytes} bytes")
                : Evaluate(request, body);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return MetricQueryResult.Failed($"{Shown(request)} did not answer within {Durations.Format(timeout)}");
        }
        catch (HttpRequestException e)
        {
            return MetricQueryResult.Failed(request.Scrubber.Bound($"{Shown(request)}: {e.Message}"));
        }
    }

    public void Dispose() => _client.Dispose();

    private static HttpRequestMessage Message(WebRequest request)
    {
        var message = new HttpRequestMessage(request.Method == WebMethod.POST ? HttpMethod.Post : HttpMethod.Get, request.Url);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.Remove(name);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    private static MetricQueryResult Evaluate(WebRequest request, byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            var result = request.JsonPath.Evaluate(document.RootElement);
            return result.Error is { } error ? MetricQueryResult.Failed(request.Scrubber.Bound(error)) : MetricQueryResult.Data(result.Values);
        }
        catch (JsonException e)
        {
            return MetricQueryResult.Failed($"{Shown(request)} did not answer JSON: {e.Message}");
        }
    }

    // Scheme, host and path only: the query string may carry a rendered Secret-sourced argument.
    private static string Shown(WebRequest request) =>
        $"{request.Method} {request.Url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)}";
}
