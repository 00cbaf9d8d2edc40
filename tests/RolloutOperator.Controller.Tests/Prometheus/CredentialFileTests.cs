using RolloutOperator.Core.Api;
using static RolloutOperator.Controller.Tests.PrometheusProvider.ProviderFixture;

namespace RolloutOperator.Controller.Tests.PrometheusProvider;

/// <summary>
/// File credentials are read only below the admin's allowed directories, judged on the real path: a symbolic link
/// cannot lead out. A refused file is an error naming it; nothing is sent to Prometheus.
/// </summary>
public sealed class CredentialFileTests : IDisposable
{
    private const string OutsideSecret = "operator-own-token";
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Query_NoDirectoryAllowed_RefusesTheFileAndSendsNothing()
    {
        var file = _root.File("allowed/token", "tok");
        await using var stub = await StubPrometheus.StartAsync();
        using var provider = Provider();

        var result = await provider.QueryAsync(Query(TokenFile(stub.Address, file)), CancellationToken.None);

        Assert.Contains($"\"{file}\" is refused: the operator allows no credential directories", result.Error, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    [Theory]
    [InlineData("link to a file outside", "allowed/token", "../outside/token")]
    [InlineData("absolute link to a file outside", "allowed/token", "{root}/outside/token")]
    [InlineData("link to a directory outside", "allowed/sub", "../outside")]
    public async Task Query_SymbolicLinkLeadingOutside_IsRefusedAndNothingIsSent(string scenario, string link, string target)
    {
        _root.File("outside/token", OutsideSecret);
        _root.Link(link, target.Replace("{root}", _root.Path, StringComparison.Ordinal));
        var file = Path.Combine(_root.Path, "allowed", "sub" == Path.GetFileName(link) ? "sub/token" : "token");
        await using var stub = await StubPrometheus.StartAsync();
        using var provider = Provider(configure: o => o.CredentialFileDirectories = [Path.Combine(_root.Path, "allowed")]);

        var result = await provider.QueryAsync(Query(TokenFile(stub.Address, file)), CancellationToken.None);

        Assert.True(result.Error?.Contains("symbolic link", StringComparison.Ordinal) == true, $"{scenario}: {result.Error}");
        Assert.DoesNotContain(OutsideSecret, result.Error, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Query_CaFileThroughLinkOutside_IsRefused()
    {
        _root.File("outside/ca.pem", "-----BEGIN CERTIFICATE-----");
        var file = _root.Link("allowed/ca.pem", "../outside/ca.pem");
        await using var stub = await StubPrometheus.StartAsync();
        using var provider = Provider(configure: o => o.CredentialFileDirectories = [Path.Combine(_root.Path, "allowed")]);

        var result = await provider.QueryAsync(Query(Settings(stub.Address, s => s.Tls = new TlsSettings { CaFile = file })), CancellationToken.None);

        Assert.StartsWith($"CA file \"{file}\" is refused", result.Error, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Query_SecretVolumeLayoutWithLinksInsideTheDirectory_IsReadAndSent()
    {
        // The layout the kubelet writes for a Secret volume: token -> ..data/token, ..data -> ..2025_01_01.
        _root.File("mount/..2025_01_01/token", "mounted\n");
        _root.Link("mount/..data", "..2025_01_01");
        var file = _root.Link("mount/token", "..data/token");
        await using var stub = await StubPrometheus.StartAsync();
        using var provider = Provider(configure: o => o.CredentialFileDirectories = [Path.Combine(_root.Path, "mount")]);

        var result = await provider.QueryAsync(Query(TokenFile(stub.Address, file)), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal("Bearer mounted", Assert.Single(stub.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task Query_AllowedDirectoryIsItselfALink_FilesBelowItAreRead()
    {
        // As /var/run is a link to /run on many systems.
        _root.File("real/token", "via-link");
        var linked = _root.Link("linked", "real");
        await using var stub = await StubPrometheus.StartAsync();
        using var provider = Provider(configure: o => o.CredentialFileDirectories = [linked]);

        var result = await provider.QueryAsync(Query(TokenFile(stub.Address, Path.Combine(linked, "token"))), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal("Bearer via-link", Assert.Single(stub.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task Query_DotDotInPath_IsRefusedWithoutResolvingIt()
    {
        _root.File("outside/token", OutsideSecret);
        var file = Path.Combine(_root.Path, "allowed") + "/../outside/token";
        Directory.CreateDirectory(Path.Combine(_root.Path, "allowed"));
        await using var stub = await StubPrometheus.StartAsync();
        using var provider = Provider(configure: o => o.CredentialFileDirectories = [Path.Combine(_root.Path, "allowed")]);

        var result = await provider.QueryAsync(Query(TokenFile(stub.Address, file)), CancellationToken.None);

        Assert.Contains("without \".\" or \"..\" segments", result.Error, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    private static PrometheusMetric TokenFile(Uri address, string file) =>
        Settings(address, s => s.Authentication = new PrometheusAuth { BearerTokenFile = file });
}
