using RolloutOperator.Deploy.Tests.Infrastructure;

namespace RolloutOperator.Deploy.Tests.Chart;

/// <summary>The chart values behind the operator's security flags: rendered as flags when set, rejected by the schema when malformed.</summary>
public sealed class ChartSecurityValuesTests
{
    [Fact]
    public async Task HelmTemplate_Defaults_AllowNoCredentialFilesAndAnyHost()
    {
        var args = await ArgsAsync([]);

        Assert.Null(PodChecks.ArgValue(args, "--prometheus-allowed-hosts"));
        Assert.Null(PodChecks.ArgValue(args, "--credential-file-dirs"));
        Assert.Null(PodChecks.ArgValue(args, "--outbound-allowed-hosts"));
    }

    [Fact]
    public async Task HelmTemplate_OutboundAllowedHostsSet_RendersCommaSeparatedFlag()
    {
        var args = await ArgsAsync(["--set", "controller.outboundAllowedHosts={hooks.example:443,ci.tools}"]);

        Assert.Equal("hooks.example:443,ci.tools", PodChecks.ArgValue(args, "--outbound-allowed-hosts"));
    }

    [Fact]
    public async Task HelmTemplate_SecurityValuesSet_RenderCommaSeparatedFlags()
    {
        var args = await ArgsAsync(
        [
            "--set", "controller.prometheusAllowedHosts={prometheus.monitoring:9090,thanos-query.monitoring,[::1]:9090}",
            "--set", "controller.credentialFileDirs={/etc/prometheus-credentials,/var/run/secrets/prom/}",
        ]);

        Assert.Equal("prometheus.monitoring:9090,thanos-query.monitoring,[::1]:9090", PodChecks.ArgValue(args, "--prometheus-allowed-hosts"));
        Assert.Equal("/etc/prometheus-credentials,/var/run/secrets/prom/", PodChecks.ArgValue(args, "--credential-file-dirs"));
    }

    [Theory]
    [InlineData("controller.prometheusAllowedHosts={http://prometheus:9090}", "prometheusAllowedHosts")]
    [InlineData("controller.prometheusAllowedHosts=prometheus", "prometheusAllowedHosts")]
    [InlineData("controller.outboundAllowedHosts={https://hooks.example}", "outboundAllowedHosts")]
    [InlineData("controller.credentialFileDirs={relative/dir}", "credentialFileDirs")]
    [InlineData("controller.credentialFileDirs={/}", "credentialFileDirs")]
    [InlineData("controller.credentialFileDirs={/etc/creds/../..}", "credentialFileDirs")]
    public async Task HelmTemplate_MalformedSecurityValue_Fails(string assignment, string mentioned)
    {
        var result = await Helm.TemplateAsync(["--set", assignment]);

        Assert.True(result.ExitCode != 0, $"helm accepted --set {assignment}");
        Assert.Contains(mentioned, result.Stderr, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<string>> ArgsAsync(string[] extra)
    {
        var result = (await Helm.TemplateAsync(extra)).EnsureSuccess();
        return Node.Strings(PodChecks.Container(ManifestSet.Parse(result.Stdout).Single("Deployment")), "args");
    }
}
