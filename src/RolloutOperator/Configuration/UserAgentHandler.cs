using System.Net.Http.Headers;

namespace RolloutOperator.Configuration;

/// <summary>
/// Names the instance in every API request's User-Agent ("rollout-operator/VERSION (POD)"), so audit logs — and tests —
/// can tell which replica wrote what.
/// </summary>
internal sealed class UserAgentHandler(string podName) : DelegatingHandler
{
    private static readonly string Version = typeof(UserAgentHandler).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private readonly ProductInfoHeaderValue[] _agent =
    [
        new ProductInfoHeaderValue("rollout-operator", Version),
        new ProductInfoHeaderValue($"({Sanitize(podName)})"),
    ];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.UserAgent.Clear();
        foreach (var product in _agent)
        {
            request.Headers.UserAgent.Add(product);
        }

        return base.SendAsync(request, cancellationToken);
    }

    private static string Sanitize(string value) => new([.. value.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_')]);
}
