using RolloutOperator.Deploy.Tests.Infrastructure;

namespace RolloutOperator.Deploy.Tests.Chart;

/// <summary>tracing.* values: off by default; when enabled, --tracing plus the standard OTEL_* variables.</summary>
public sealed class ChartTracingValuesTests
{
    [Fact]
    public async Task HelmTemplate_Defaults_NoTracingFlagAndNoOtelVariables()
    {
        var (args, env) = await RenderAsync([]);

        Assert.DoesNotContain("--tracing", args);
        Assert.DoesNotContain(env.Keys, name => name.StartsWith("OTEL_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HelmTemplate_TracingEnabled_RendersFlagAndOtelVariables()
    {
        var (args, env) = await RenderAsync(
        [
            "--set", "tracing.enabled=true",
            "--set", "tracing.otlpEndpoint=http://otel-collector.observability:4318",
            "--set", "tracing.protocol=http/protobuf",
            "--set", "tracing.sampler=parentbased_traceidratio",
            "--set-string", "tracing.samplerArg=0.25",
        ]);

        Assert.Equal("true", PodChecks.ArgValue(args, "--tracing"));
        Assert.Equal("http://otel-collector.observability:4318", env["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("http/protobuf", env["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Equal("rollout-operator", env["OTEL_SERVICE_NAME"]);
        Assert.Equal("parentbased_traceidratio", env["OTEL_TRACES_SAMPLER"]);
        Assert.Equal("0.25", env["OTEL_TRACES_SAMPLER_ARG"]);
    }

    [Theory]
    [InlineData("tracing.enabled=true", "tracing.otlpEndpoint is required")]
    [InlineData("tracing.otlpEndpoint=otel-collector:4317", "otlpEndpoint")]
    [InlineData("tracing.protocol=http/json", "protocol")]
    [InlineData("tracing.sampler=sometimes", "sampler")]
    public async Task HelmTemplate_InvalidTracingValue_Fails(string assignment, string mentioned)
    {
        var result = await Helm.TemplateAsync(["--set", assignment]);

        Assert.True(result.ExitCode != 0, $"helm accepted --set {assignment}");
        Assert.Contains(mentioned, result.Stderr, StringComparison.Ordinal);
    }

    private static async Task<(IReadOnlyList<string> Args, IReadOnlyDictionary<string, string?> Env)> RenderAsync(string[] extra)
    {
        var result = (await Helm.TemplateAsync(extra)).EnsureSuccess();
        var container = PodChecks.Container(ManifestSet.Parse(result.Stdout).Single("Deployment"));
        var env = Node.List(container, "env").ToDictionary(e => Node.Text(e, "name")!, e => Node.Text(e, "value"));
        return (Node.Strings(container, "args"), env);
    }
}
