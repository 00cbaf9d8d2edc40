using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RolloutOperator.Controller.PrometheusProvider;

/// <summary>Server-certificate validation for a Prometheus connection: system trust, a private CA bundle, or none.</summary>
internal static class TlsTrust
{
    /// <exception cref="ProviderSetupException">The PEM text holds no certificate.</exception>
    public static X509Certificate2Collection LoadBundle(string pem, string source)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw new ProviderSetupException($"CA bundle from {source} is not valid PEM: {e.Message}", e);
        }

        return roots.Count > 0 ? roots : throw new ProviderSetupException($"CA bundle from {source} contains no certificate");
    }

    /// <summary>Null: the platform's default validation against the system trust store.</summary>
    public static RemoteCertificateValidationCallback? Callback(X509Certificate2Collection? roots, bool insecureSkipVerify)
    {
        if (insecureSkipVerify)
        {
#pragma warning disable CA5359 // The user opted out explicitly with tls.insecureSkipVerify (documented as for tests only).
            return (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        return roots is null ? null : (_, certificate, _, errors) => TrustedBy(roots, certificate, errors);
    }

    // Only the chain is judged against the private roots; host-name and missing-certificate errors still fail.
    private static bool TrustedBy(X509Certificate2Collection roots, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        try
        {
            return chain.Build(leaf);
        }
        finally
        {
            if (!ReferenceEquals(leaf, certificate))
            {
                leaf.Dispose();
            }
        }
    }
}
