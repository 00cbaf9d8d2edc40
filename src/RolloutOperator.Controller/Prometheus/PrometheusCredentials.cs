using System.Net.Http.Headers;
using System.Text;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.PrometheusProvider;

/// <summary>
/// Resolves a metric's authentication, headers and CA bundle for one measurement. Files and Secrets are read each time
/// (tokens rotate); errors name the file or Secret key, never the value. Every value read goes to the scrubber. Files
/// are read only inside the admin's allowed directories (<see cref="CredentialFiles"/>).
/// </summary>
internal static class PrometheusCredentials
{
    public static async Task<AuthenticationHeaderValue?> AuthorizationAsync(MetricQuery query, SecretScrubber scrubber, IReadOnlyList<string> fileDirectories, CancellationToken cancellationToken)
    {
        var auth = query.Settings.Authentication;
        if (auth?.BearerTokenSecretRef is { } tokenRef)
        {
            return Bearer(Remember(scrubber, await query.Secrets.ReadAsync(query.Namespace, tokenRef, cancellationToken).ConfigureAwait(false)));
        }

        if (auth?.BearerTokenFile is { } file)
        {
            return Bearer(Remember(scrubber, await CredentialFiles.ReadAsync(file, fileDirectories, "bearer token file", cancellationToken).ConfigureAwait(false)));
        }

        if (auth?.Basic is { } basic)
        {
            var user = await query.Secrets.ReadAsync(query.Namespace, basic.UsernameSecretRef, cancellationToken).ConfigureAwait(false);
            var password = await query.Secrets.ReadAsync(query.Namespace, basic.PasswordSecretRef, cancellationToken).ConfigureAwait(false);
            var header = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
            scrubber.AddBasicAuth(user, password, header);
            return new AuthenticationHeaderValue("Basic", header);
        }

        return null;
    }

    /// <returns>The PEM text and where it came from, or null for system trust.</returns>
    public static async Task<(string Pem, string Source)?> CaBundleAsync(MetricQuery query, SecretScrubber scrubber, IReadOnlyList<string> fileDirectories, CancellationToken cancellationToken)
    {
        var tls = query.Settings.Tls;
        if (tls is null || tls.InsecureSkipVerify == true)
        {
            return null;
        }

        if (tls.CaSecretRef is { } caRef)
        {
            var pem = Remember(scrubber, await query.Secrets.ReadAsync(query.Namespace, caRef, cancellationToken).ConfigureAwait(false));
            return (pem, $"secret {query.Namespace}/{caRef.Name} key {caRef.Key}");
        }

        return tls.CaFile is { } file
            ? (Remember(scrubber, await CredentialFiles.ReadAsync(file, fileDirectories, "CA file", cancellationToken).ConfigureAwait(false)), $"file {file}")
            : null;
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

    private static string Remember(SecretScrubber scrubber, string value)
    {
        scrubber.Add(value);
        return value;
    }
}
