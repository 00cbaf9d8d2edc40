using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using k8s;

namespace RolloutOperator.ScaleBench.Kube;

/// <summary>
/// The benchmark's own client of a real cluster: JSON in and out on any API path, through the KubernetesClient's
/// HTTP pipeline and credentials (so every kubeconfig authentication works), with its own client-side rate limit so
/// seeding thousands of objects does not flood the API server. Watches are not rate limited.
/// </summary>
internal sealed class KubeApi : IDisposable
{
    private const string UserAgent = "rollout-operator-scalebench";
    private readonly Kubernetes _client;
    private readonly TokenBucketRateLimiter _limiter;

    public KubeApi(KubernetesClientConfiguration config, int qps)
    {
        _client = new Kubernetes(config);
        var perSecond = Math.Max(1, qps);
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>A collection or object path: <c>api/v1/...</c> for the core group, <c>apis/GROUP/VERSION/...</c> otherwise.</summary>
    public static string Path(string group, string version, string plural, string? ns, string? name = null, string? subresource = null)
    {
        var path = new StringBuilder(group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}");
        if (ns is not null)
        {
            path.Append("/namespaces/").Append(ns);
        }

        path.Append('/').Append(plural);
        foreach (var part in new[] { name, subresource }.Where(p => p is not null))
        {
            path.Append('/').Append(part);
        }

        return path.ToString();
    }

    public Task<JsonObject> GetAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Get, path, null, null, ct);

    /// <summary>The object, or null when the server answers 404.</summary>
    public async Task<JsonObject?> TryGetAsync(string path, CancellationToken ct)
    {
        try
        {
            return await GetAsync(path, ct);
        }
        catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task<JsonObject> CreateAsync(string collectionPath, JsonObject body, string fieldManager, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"{collectionPath}?fieldManager={fieldManager}", body, "application/json", ct);

    public Task<JsonObject> MergePatchAsync(string path, JsonObject body, string fieldManager, CancellationToken ct) =>
        SendAsync(HttpMethod.Patch, $"{path}?fieldManager={fieldManager}", body, "application/merge-patch+json", ct);

    /// <summary>Server-side apply, forced: the benchmark writes what the operator would have written, as the operator.</summary>
    public Task<JsonObject> ApplyAsync(string path, JsonObject body, string fieldManager, CancellationToken ct) =>
        SendAsync(HttpMethod.Patch, $"{path}?fieldManager={fieldManager}&force=true", body, "application/apply-patch+yaml", ct);

    public Task<JsonObject> DeleteAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Delete, path, null, null, ct);

    /// <summary>Opens a watch (a stream of JSON lines); the caller disposes the response.</summary>
    public Task<HttpResponseMessage> WatchAsync(string collectionPath, CancellationToken ct) =>
        SendRawAsync(HttpMethod.Get, $"{collectionPath}?watch=true&timeoutSeconds=3600", null, null, ct);

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonObject? body, string? contentType, CancellationToken ct)
    {
        using var lease = await _limiter.AcquireAsync(1, ct);
        using var response = await SendRawAsync(method, path, body, contentType, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, JsonObject? body, string? contentType, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(_client.BaseUri, path)) { Version = HttpVersion.Version20 };
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue(UserAgent, "1"));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType!);
        }

        if (_client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, ct);
        }

        var response = await _client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var status = await response.Content.ReadAsStringAsync(ct);
            throw new HttpRequestException(
                string.Create(CultureInfo.InvariantCulture, $"{method} {path}: {(int)response.StatusCode} {status}"), null, response.StatusCode);
        }
    }

    public void Dispose()
    {
        _limiter.Dispose();
        _client.Dispose();
    }
}
