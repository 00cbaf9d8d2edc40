using System.Globalization;

namespace RolloutOperator.Runtime.Metrics;

/// <summary>
/// Counts Kubernetes API requests by verb and status code. Insert it into the client pipeline
/// (<c>new Kubernetes(config, handler)</c>). It only observes: a retrying or timeout handler on
/// this client would kill long-running watches and replay non-idempotent writes.
/// </summary>
public sealed class KubernetesApiMetricsHandler : DelegatingHandler
{
    private readonly RuntimeMetrics _metrics;

    public KubernetesApiMetricsHandler(RuntimeMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _metrics = metrics;
    }

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var verb = VerbOf(request);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            _metrics.RecordApiRequest(verb, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            return response;
        }
        catch (Exception)
        {
            _metrics.RecordApiRequest(verb, "error");
            throw;
        }
    }

    internal static string VerbOf(HttpRequestMessage request)
    {
        var query = request.RequestUri?.Query ?? string.Empty;
        var isWatch = request.Method == HttpMethod.Get
            && query.Contains("watch=true", StringComparison.OrdinalIgnoreCase);
        return isWatch ? "WATCH" : request.Method.Method;
    }
}
