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

    [Fact]
    public async Task SendAsync_Writes_CountedByResourceWithSubresource_ReadsNot()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        using var handler = new KubernetesApiMetricsHandler(new RuntimeMetrics(registry)) { InnerHandler = new StubHandler(HttpStatusCode.OK) };
        using var client = new HttpClient(handler);

        using var a = await client.PatchAsync(new Uri("http://k8s/apis/rollout-operator.io/v1alpha1/namespaces/a/rollouts/r/status"), new StringContent("{}"));
        using var b = await client.PatchAsync(new Uri("http://k8s/proxy/apis/rollout-operator.io/v1alpha1/namespaces/a/rollouts/r/status"), new StringContent("{}"));
        using var c = await client.PostAsync(new Uri("http://k8s/apis/events.k8s.io/v1/namespaces/a/events"), new StringContent("{}"));
        using var d = await client.DeleteAsync(new Uri("http://k8s/apis/apps/v1/namespaces/a/deployments/r-1"));
        using var e = await client.DeleteAsync(new Uri("http://k8s/api/v1/namespaces/a"));
        using var f = await client.GetAsync(new Uri("http://k8s/apis/apps/v1/namespaces/a/deployments/r-1"));

        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("kubernetes_api_writes_total{resource=\"rollouts/status\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("kubernetes_api_writes_total{resource=\"events\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("kubernetes_api_writes_total{resource=\"deployments\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("kubernetes_api_writes_total{resource=\"namespaces\"} 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("resource=\"other\"", text, StringComparison.Ordinal);
    }
}
