using RolloutOperator.Core.Api;
using static RolloutOperator.Controller.Tests.PrometheusProvider.ProviderFixture;

namespace RolloutOperator.Controller.Tests.PrometheusProvider;

public sealed class PrometheusTlsTests
{
    [Fact]
    public async Task Query_SelfSignedServerWithItsCaFromSecret_Succeeds()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var stub = await StubPrometheus.StartAsync(certificate);
        using var provider = Provider();
        var secrets = new InMemorySecrets().With("team-a", "prom-ca", "ca.crt", TestCertificates.Pem(certificate));
        var settings = Settings(stub.Address, s => s.Tls = new TlsSettings { CaSecretRef = new SecretKeyRef { Name = "prom-ca", Key = "ca.crt" } });

        var result = await provider.QueryAsync(Query(settings, secrets), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal([1.0], result.Values);
    }

    [Fact]
    public async Task Query_SelfSignedServerWithCaFile_Succeeds()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var stub = await StubPrometheus.StartAsync(certificate);
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, TestCertificates.Pem(certificate));
        try
        {
            using var provider = Provider(configure: o => o.CredentialFileDirectories = [Path.GetDirectoryName(file)!]);

            var result = await provider.QueryAsync(Query(Settings(stub.Address, s => s.Tls = new TlsSettings { CaFile = file })), CancellationToken.None);

            Assert.Null(result.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Query_SelfSignedServerWithoutCa_IsTlsErrorWithoutRetry()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var stub = await StubPrometheus.StartAsync(certificate);
        using var provider = Provider();

        var result = await provider.QueryAsync(Query(Settings(stub.Address)), CancellationToken.None);

        Assert.StartsWith("TLS handshake with https://localhost", result.Error);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Query_OtherCaBundle_IsTlsError()
    {
        using var certificate = TestCertificates.SelfSigned();
        using var other = TestCertificates.SelfSigned();
        await using var stub = await StubPrometheus.StartAsync(certificate);
        using var provider = Provider();
        var secrets = new InMemorySecrets().With("team-a", "prom-ca", "ca.crt", TestCertificates.Pem(other));

        var result = await provider.QueryAsync(Query(Settings(stub.Address, s => s.Tls = new TlsSettings { CaSecretRef = new SecretKeyRef { Name = "prom-ca", Key = "ca.crt" } }), secrets), CancellationToken.None);

        Assert.StartsWith("TLS handshake", result.Error);
    }

    [Fact]
    public async Task Query_InsecureSkipVerify_Succeeds()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var stub = await StubPrometheus.StartAsync(certificate);
        using var provider = Provider();

        var result = await provider.QueryAsync(Query(Settings(stub.Address, s => s.Tls = new TlsSettings { InsecureSkipVerify = true })), CancellationToken.None);

        Assert.Null(result.Error);
    }

    [Fact]
    public async Task Query_CaBundleNotPem_IsErrorNamingTheSource()
    {
        using var provider = Provider();
        var secrets = new InMemorySecrets().With("team-a", "prom-ca", "ca.crt", "not a certificate");
        var settings = Settings(new Uri("https://localhost:1/"), s => s.Tls = new TlsSettings { CaSecretRef = new SecretKeyRef { Name = "prom-ca", Key = "ca.crt" } });

        var result = await provider.QueryAsync(Query(settings, secrets), CancellationToken.None);

        Assert.Equal("CA bundle from secret team-a/prom-ca key ca.crt contains no certificate", result.Error);
    }
}
