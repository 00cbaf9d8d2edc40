using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Tests.Parsing;

/// <summary>
/// The admin's provider policy: file credentials only from ClusterAnalysisTemplates and only under allowed directories;
/// Prometheus addresses only on allowed hosts. Every refusal is an error at the exact field.
/// </summary>
public sealed class ProviderPolicyTests
{
    private const string Inline = "spec.strategy.canary.steps[2].analysis.metrics[0].provider.prometheus";
    private const string ServiceAccountToken = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    private static readonly ProviderPolicy AllowsSecretsDir = Policy(["/var/run/secrets"]);

    [Fact]
    public void Parse_InlineBearerTokenFile_IsRefusedAtItsFieldEvenInsideAnAllowedDirectory()
    {
        var spec = Specs.Canary().WithInlineMetrics(WithAuth(new PrometheusAuth { BearerTokenFile = ServiceAccountToken }));

        var result = SpecParser.Parse(spec, Context(AllowsSecretsDir));

        Assert.Null(result.Plan);
        var error = Assert.Single(result.Errors, e => e.Path == $"{Inline}.authentication.bearerTokenFile");
        Assert.Contains("only from ClusterAnalysisTemplates", error.Message, StringComparison.Ordinal);
        Assert.Contains("bearerTokenSecretRef", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InlineCaFile_IsRefusedAtItsField()
    {
        var metric = Specs.Metric();
        metric.Provider.Prometheus!.Tls = new TlsSettings { CaFile = "/var/run/secrets/ca.crt" };

        var result = SpecParser.Parse(Specs.Canary().WithInlineMetrics(metric), Context(AllowsSecretsDir));

        Assert.Null(result.Plan);
        Assert.Contains(result.Errors, e => e.Path == $"{Inline}.tls.caFile" && e.Message.Contains("caSecretRef", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NamespacedTemplateWithTokenFile_IsRefusedUnderTheReferenceNamingTheTemplateField()
    {
        var template = Specs.SuccessRateTemplate();
        template.Metrics[0].Provider.Prometheus!.Authentication = new PrometheusAuth { BearerTokenFile = ServiceAccountToken };
        var context = ParseContext.Offline([("success-rate", false, template), ("error-rate", true, Specs.ErrorRateTemplate())], policy: AllowsSecretsDir);

        var result = SpecParser.Parse(Specs.Canary(), context);

        Assert.Null(result.Plan);
        var error = Assert.Single(result.Errors);
        Assert.Equal("spec.strategy.canary.steps[2].analysis.templates[0].templateName", error.Path);
        Assert.Contains("AnalysisTemplate \"success-rate\": spec.metrics[0].provider.prometheus.authentication.bearerTokenFile: file credentials are accepted only from ClusterAnalysisTemplates", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ClusterTemplateTokenFileUnderAllowedDirectory_IsAccepted()
    {
        var result = SpecParser.Parse(Specs.Canary(), ClusterTemplateContext(new PrometheusAuth { BearerTokenFile = "/var/run/secrets/prometheus/token" }, AllowsSecretsDir));

        Assert.Empty(result.Errors);
        var background = Assert.IsType<CanaryPlan>(result.Plan!.Strategy).Background!;
        Assert.Equal("/var/run/secrets/prometheus/token", background.Metrics[0].Prometheus!.Authentication!.BearerTokenFile);
    }

    [Theory]
    [InlineData("no directory allowed (the default)", "/var/run/secrets/prometheus/token", null, "allows no credential directories")]
    [InlineData("outside the allowed directory", "/etc/passwd", "/var/run/secrets", "is not under a directory allowed")]
    [InlineData("dot-dot escape", "/var/run/secrets/../../../etc/shadow", "/var/run/secrets", "without \".\" or \"..\" segments")]
    [InlineData("dot segment", "/var/run/secrets/./token", "/var/run/secrets", "without \".\" or \"..\" segments")]
    [InlineData("relative path", "secrets/token", "/var/run/secrets", "absolute path")]
    [InlineData("sibling with the same prefix", "/var/run/secrets-evil/token", "/var/run/secrets", "is not under a directory allowed")]
    [InlineData("the allowed directory itself", "/var/run/secrets", "/var/run/secrets", "is not under a directory allowed")]
    public void Parse_ClusterTemplateTokenFileRefused_ReportsTheTemplateField(string scenario, string file, string? allowed, string reason)
    {
        var policy = allowed is null ? ProviderPolicy.Default : Policy([allowed]);

        var result = SpecParser.Parse(Specs.Canary(), ClusterTemplateContext(new PrometheusAuth { BearerTokenFile = file }, policy));

        Assert.True(result.Plan is null, scenario);
        var error = Assert.Single(result.Errors);
        Assert.Equal("spec.strategy.canary.analysis.templates[0].templateName", error.Path);
        Assert.Contains("spec.metrics[0].provider.prometheus.authentication.bearerTokenFile", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://evil.example:9090", "prometheus.monitoring:9090")]
    [InlineData("http://prometheus.monitoring:9091", "prometheus.monitoring:9090")]
    [InlineData("http://user:pw@evil.example/", "prometheus.monitoring")]
    public void Parse_AddressOutsideAllowedHosts_IsRefusedAtAddressNamingIt(string address, string allowed)
    {
        var result = SpecParser.Parse(Specs.Canary().WithInlineMetrics(WithAddress(address)), Context(Policy([], allowed)));

        Assert.Null(result.Plan);
        var error = Assert.Single(result.Errors, e => e.Path == $"{Inline}.address");
        Assert.Contains("is not allowed", error.Message, StringComparison.Ordinal);
        Assert.Contains(new Uri(address).Host, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://prometheus.monitoring:9090/", "prometheus.monitoring:9090")]
    [InlineData("https://PROMETHEUS.monitoring/prom/", "prometheus.monitoring")]
    [InlineData("http://[::1]:9090", "[::1]:9090")]
    [InlineData("http://anything.example:1234", "")]
    public void Parse_AddressOnAllowedHost_IsAccepted(string address, string allowed)
    {
        var result = SpecParser.Parse(Specs.Canary().WithInlineMetrics(WithAddress(address)), Context(Policy([], allowed)));

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Parse_NoAddress_UsesTheOperatorDefaultWhichIsAlwaysAllowed()
    {
        var result = SpecParser.Parse(Specs.Canary().WithInlineMetrics(Specs.Metric()), Context(Policy([], "prometheus.monitoring:9090")));

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Validate_StandaloneNamespacedTemplateWithCaFile_IsRefused()
    {
        var template = Specs.SuccessRateTemplate();
        template.Metrics[0].Provider.Prometheus!.Tls = new TlsSettings { CaFile = "/etc/ssl/ca.pem" };

        var errors = AnalysisTemplateValidator.Validate(template, policy: Policy(["/etc/ssl"]));

        Assert.Contains(errors, e => e.Path == "spec.metrics[0].provider.prometheus.tls.caFile");
        Assert.Empty(AnalysisTemplateValidator.Validate(template, clusterScope: true, policy: Policy(["/etc/ssl"])));
    }

    private static ProviderPolicy Policy(string[] directories, string hosts = "")
    {
        Assert.True(HostAllowList.TryParse(hosts, out var allowed, out var error), error);
        return new ProviderPolicy(directories, allowed);
    }

    private static ParseContext Context(ProviderPolicy policy) =>
        ParseContext.Offline([("success-rate", false, Specs.SuccessRateTemplate()), ("error-rate", true, Specs.ErrorRateTemplate())], policy: policy);

    // The valid canary's background analysis references the ClusterAnalysisTemplate "error-rate".
    private static ParseContext ClusterTemplateContext(PrometheusAuth auth, ProviderPolicy policy)
    {
        var cluster = Specs.ErrorRateTemplate();
        cluster.Metrics[0].Provider.Prometheus!.Authentication = auth;
        return ParseContext.Offline([("success-rate", false, Specs.SuccessRateTemplate()), ("error-rate", true, cluster)], policy: policy);
    }

    private static Metric WithAuth(PrometheusAuth auth)
    {
        var metric = Specs.Metric();
        metric.Provider.Prometheus!.Authentication = auth;
        return metric;
    }

    private static Metric WithAddress(string address)
    {
        var metric = Specs.Metric();
        metric.Provider.Prometheus!.Address = address;
        return metric;
    }
}
