using System.Net.Http.Headers;

namespace RolloutOperator.Cli.Kube;

/// <summary>Sends "kubectl-rollout_operator/VERSION" (plus the component, e.g. "(dashboard)") as User-Agent on every API request.</summary>
internal sealed class PluginUserAgent(string? component) : DelegatingHandler
{
    private static readonly string Version = typeof(PluginUserAgent).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.UserAgent.Clear();
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("kubectl-rollout_operator", Version));
        if (component is { Length: > 0 })
        {
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue($"({component})"));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
