using System.Globalization;

namespace RolloutOperator.Runtime.Metrics;

/// <summary>
/// Counts Kubernetes API requests by verb and status code, and write requests by resource (so writes per object kind,
/// events apart, can be read without the API server's audit log). Insert it into the client pipeline
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
        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
        {
            // Counted when sent, whatever the answer: the API server saw (and audited) the attempt either way.
            _metrics.RecordApiWrite(ResourceOf(request.RequestUri));
        }

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

    /// <summary>
    /// The resource a request addresses, with its subresource (<c>rollouts/status</c>): the path after
    /// <c>api/v1</c> or <c>apis/GROUP/VERSION</c>, and after <c>namespaces/NS</c> for namespaced resources.
    /// </summary>
    internal static string ResourceOf(Uri? uri)
    {
        var segments = uri is null ? [] : uri.AbsolutePath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        // The server URL may carry a path prefix (an API proxy), so look for the API root rather than expect it first.
        var root = Array.FindIndex(segments, s => s is "api" or "apis");
        var skip = root < 0 ? segments.Length : root + (segments[root] == "api" ? 2 : 3);
        var rest = segments.AsSpan(Math.Min(skip, segments.Length));
        if (rest is ["namespaces", _, var next, ..] && next is not ("status" or "finalize"))
        {
            rest = rest[2..];
        }

        return rest switch
        {
            [var resource, _, var subresource, ..] => $"{resource}/{subresource}",
            [var resource, ..] => resource,
            _ => "other",
        };
    }
}
