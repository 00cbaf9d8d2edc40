using System.Text;
using k8s;
using k8s.Models;
using RolloutOperator.ApiEmulator;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Core.Api;
using static RolloutOperator.Controller.Tests.PrometheusProvider.ProviderFixture;

namespace RolloutOperator.Controller.Tests.PrometheusProvider;

public sealed class PrometheusAuthenticationTests
{
    [Fact]
    public async Task Query_BearerTokenFromSecret_ReadsOnlyThatSecretFromTheApiAndSendsIt()
    {
        await using var emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        using var client = new Kubernetes(emulator.CreateClientConfiguration());
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team-a" } });
        await client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "prom-token" }, Data = new Dictionary<string, byte[]> { ["token"] = Encoding.UTF8.GetBytes("s3cret\n") } },
            "team-a");
        await using var stub = await StubPrometheus.StartAsync();
        using var provider = Provider();
        var settings = Settings(stub.Address, s => s.Authentication = new PrometheusAuth { BearerTokenSecretRef = new SecretKeyRef { Name = "prom-token", Key = "token" } });

        var result = await provider.QueryAsync(Query(settings, new KubernetesSecretReader(client)), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal("Bearer s3cret", Assert.Single(stub.Requests).Header("Authorization"));
        var secretReads = emulator.Requests.All().Where(r => !r.IsWrite && r.Path.Contains("/secrets", StringComparison.Ordinal)).ToList();
        Assert.Equal("/api/v1/namespaces/team-a/secrets/prom-token", Assert.Single(secretReads).Path);
    }

    [Fact]
    public async Task Query_BearerSecretMissing_IsErrorNamingTheSecretAndSendsNothing()
    {
        await using var stub = await StubPrometheus.StartAsync();
        using var provider = Provider();
        var settings = Settings(stub.Address, s => s.Authentication = new PrometheusAuth { BearerTokenSecretRef = new SecretKeyRef { Name = "absent", Key = "token" } });

        var result = await provider.QueryAsync(Query(settings), CancellationToken.None);

        Assert.Equal("secret team-a/absent key token: the secret does not exist", result.Error);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Query_BearerTokenFile_IsReadAndSent()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "from-file\n");
        try
        {
            await using var stub = await StubPrometheus.StartAsync();
            using var provider = Provider(configure: o => o.CredentialFileDirectories = [Path.GetDirectoryName(file)!]);

            var result = await provider.QueryAsync(Query(Settings(stub.Address, s => s.Authentication = new PrometheusAuth { BearerTokenFile = file })), CancellationToken.None);

            Assert.Null(result.Error);
            Assert.Equal("Bearer from-file", Assert.Single(stub.Requests).Header("Authorization"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Query_BearerTokenFileMissing_IsErrorNamingTheFile()
    {
        using var provider = Provider(configure: o => o.CredentialFileDirectories = ["/nonexistent"]);
        var settings = Settings(new Uri("http://127.0.0.1:1/"), s => s.Authentication = new PrometheusAuth { BearerTokenFile = "/nonexistent/token" });

        var result = await provider.QueryAsync(Query(settings), CancellationToken.None);

        Assert.StartsWith("bearer token file /nonexistent/token cannot be read", result.Error);
    }

    [Fact]
    public async Task Query_BasicAuthFromSecrets_SendsEncodedCredentials()
    {
        await using var stub = await StubPrometheus.StartAsync();
        using var provider = Provider();
        var secrets = new InMemorySecrets().With("team-a", "prom", "user", "alice").With("team-a", "prom", "pass", "p:w");
        var settings = Settings(stub.Address, s => s.Authentication = new PrometheusAuth
        {
            Basic = new BasicAuth { UsernameSecretRef = new SecretKeyRef { Name = "prom", Key = "user" }, PasswordSecretRef = new SecretKeyRef { Name = "prom", Key = "pass" } },
        });

        var result = await provider.QueryAsync(Query(settings, secrets), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:p:w")), Assert.Single(stub.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task Query_CustomHeaders_AreSent()
    {
        await using var stub = await StubPrometheus.StartAsync();
        using var provider = Provider();
        var settings = Settings(stub.Address, s => s.Headers = [new HttpHeader { Name = "X-Scope-OrgID", Value = "tenant-1" }, new HttpHeader { Name = "X-Env", Value = "prod" }]);

        await provider.QueryAsync(Query(settings), CancellationToken.None);

        var request = Assert.Single(stub.Requests);
        Assert.Equal(("tenant-1", "prod"), (request.Header("X-Scope-OrgID"), request.Header("X-Env")));
    }
}
