using System.Net;
using Prometheus;
using RolloutOperator.Runtime.Metrics;

namespace RolloutOperator.Runtime.Tests.Metrics;

public sealed class KubernetesApiMetricsHandlerTests
{
    private sealed class StubHandler(HttpStatusCode code) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(code));
    }

    [Fact]
    public async Task SendAsync_WatchAndPatch_CountedByVerbAndCode()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        using var handler = new KubernetesApiMetricsHandler(new RuntimeMetrics(registry)) { InnerHandler = new StubHandler(HttpStatusCode.Conflict) };
        using var client = new HttpClient(handler);

        using var _ = await client.GetAsync(new Uri("http://k8s/api/v1/pods?watch=true"));
        using var __ = await client.PatchAsync(new Uri("http://k8s/api/v1/namespaces/a/pods/b"), new StringContent("{}"));

        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("kubernetes_api_requests_total{verb=\"WATCH\",code=\"409\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("kubernetes_api_requests_total{verb=\"PATCH\",code=\"409\"} 1", text, StringComparison.Ordinal);
    }
}
