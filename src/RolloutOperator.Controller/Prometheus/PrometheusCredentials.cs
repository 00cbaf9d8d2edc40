using System.Net.Http.Headers;
using System.Text;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.PrometheusProvider;

/// <summary>
/// Resolves a metric's authentication, headers and CA bundle for one measurement. Files and Secrets are read each time
/// (tokens rotate); errors name the file or Secret key, never the value.
/// </summary>
internal static class PrometheusCredentials
{
    public static async Task<AuthenticationHeaderValue?> AuthorizationAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        var auth = query.Settings.Authentication;
        if (auth?.BearerTokenSecretRef is { } tokenRef)
        {
            return Bearer(await query.Secrets.ReadAsync(query.Namespace, tokenRef, cancellationToken).ConfigureAwait(false));
        }

        if (auth?.BearerTokenFile is { } file)
        {
            return Bearer(await ReadFileAsync(file, "bearer token file", cancellationToken).ConfigureAwait(false));
        }

        if (auth?.Basic is { } basic)
        {
            var user = await query.Secrets.ReadAsync(query.Namespace, basic.UsernameSecretRef, cancellationToken).ConfigureAwait(false);
            var password = await query.Secrets.ReadAsync(query.Namespace, basic.PasswordSecretRef, cancellationToken).ConfigureAwait(false);
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }

        return null;
    }

    /// <returns>The PEM text and where it came from, or null for system trust.</returns>
    public static async Task<(string Pem, string Source)?> CaBundleAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        var tls = query.Settings.Tls;
        if (tls is null || tls.InsecureSkipVerify == true)
        {
            return null;
        }

        if (tls.CaSecretRef is { } caRef)
        {
            var pem = await query.Secrets.ReadAsync(query.Namespace, caRef, cancellationToken).ConfigureAwait(false);
            return (pem, $"secret {query.Namespace}/{caRef.Name} key {caRef.Key}");
        }

        return tls.CaFile is { } file ? (await ReadFileAsync(file, "CA file", cancellationToken).ConfigureAwait(false), $"file {file}") : null;
    }

    public static void AddHeaders(HttpRequestMessage request, IReadOnlyList<HttpHeader>? headers, AuthenticationHeaderValue? authorization)
    {
        foreach (var header in headers ?? [])
        {
            if (!request.Headers.TryAddWithoutValidation(header.Name, header.Value))
            {
                throw new ProviderSetupException($"header \"{header.Name}\" cannot be sent on a request");
            }
        }

        // Authentication from the spec's auth block wins over a hand-written Authorization header.
        if (authorization is not null)
        {
            request.Headers.Authorization = authorization;
        }
    }

    private static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token.Trim());

    private static async Task<string> ReadFileAsync(string path, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ProviderSetupException($"{what} {path} cannot be read: {e.GetType().Name}", e);
        }
    }
}
