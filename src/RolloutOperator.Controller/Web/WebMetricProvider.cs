using System.Text.Json;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Controller.Outbound;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Controller.Web;

/// <summary>
/// GETs or POSTs a web metric's URL through the operator's outbound client (allow-list, no redirects, bounded body,
/// capped timeout, no operator credentials) and reads the value at its JSON path. Missing path, null or an empty array
/// is no data; a non-2xx answer, a body that is not JSON or a value that is not a number is an error measurement.
/// </summary>
internal sealed class WebMetricProvider : IWebMetricProvider
{
    private readonly IOutboundHttp _http;

    public WebMetricProvider(IOutboundHttp http) => _http = http ?? throw new ArgumentNullException(nameof(http));

    public async Task<MetricQueryResult> MeasureAsync(WebRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await _http.SendAsync(
            new OutboundRequest(request.Url, request.Namespace)
            {
                Method = request.Method == WebMethod.POST ? HttpMethod.Post : HttpMethod.Get,
                Body = request.Body,
                Headers = request.Headers,
                Timeout = request.Timeout,
                Scrubber = request.Scrubber,
            },
            cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return MetricQueryResult.Failed(response.Error ?? $"{Shown(request)} answered HTTP {response.StatusCode}");
        }

        try
        {
            using var document = JsonDocument.Parse(response.Body, new JsonDocumentOptions { MaxDepth = 64 });
            var result = request.JsonPath.Evaluate(document.RootElement);
            return result.Error is { } error ? MetricQueryResult.Failed(request.Scrubber.Bound(error)) : MetricQueryResult.Data(result.Values);
        }
        catch (JsonException e)
        {
            return MetricQueryResult.Failed($"{Shown(request)} did not answer JSON: {e.Message}");
        }
    }

    private static string Shown(WebRequest request) => $"{request.Method} {OutboundAddress.Display(request.Url)}";
}
