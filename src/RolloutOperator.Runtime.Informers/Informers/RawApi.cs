using System.Net;
using System.Text;
using k8s;
using k8s.Autorest;

namespace RolloutOperator.Runtime.Informers;

/// <summary>
/// GETs through the client's own HTTP pipeline and credentials, returning the undecoded response: the client's typed
/// list/watch calls decode a whole response at once, so a single undecodable object would fail all of it.
/// Non-2xx answers throw <see cref="HttpOperationException"/> with the Status body, as the client's calls do.
/// </summary>
internal sealed class RawApi(Kubernetes client)
{
    public async Task<HttpResponseMessage> GetAsync(string relativeUri, CancellationToken cancellationToken, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseUri, relativeUri)) { Version = HttpVersion.Version20 };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var response = await client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var content = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpOperationException($"Operation returned an invalid status code '{response.StatusCode}'")
            {
                Request = new HttpRequestMessageWrapper(request, string.Empty),
                Response = new HttpResponseMessageWrapper(response, content),
            };
        }
    }

    /// <summary>The collection path of a resource, e.g. <c>apis/apps/v1/namespaces/x/deployments</c>, plus a query.</summary>
    public static string Path(ApiResource resource, string? @namespace, IEnumerable<(string Name, string? Value)> query)
    {
        var path = new StringBuilder(resource.Group.Length == 0 ? $"api/{resource.Version}" : $"apis/{resource.Group}/{resource.Version}");
        if (@namespace is not null)
        {
            path.Append("/namespaces/").Append(Uri.EscapeDataString(@namespace));
        }

        path.Append('/').Append(resource.Plural);
        var separator = '?';
        foreach (var (name, value) in query.Where(q => !string.IsNullOrEmpty(q.Value)))
        {
            path.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value!));
            separator = '&';
        }

        return path.ToString();
    }
}
