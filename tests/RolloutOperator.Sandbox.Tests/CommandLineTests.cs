using RolloutOperator.Sandbox.Options;
namespace RolloutOperator.Sandbox.Tests;

public sealed class CommandLineTests
{
    private static SandboxOptions Parse(params string[] args) => SandboxCommandLine.Parse(args, _ => null);

    [Fact]
    public void NoArguments_IsUp() => Assert.Equal(SandboxCommand.Up, Parse().Command);

    [Fact]
    public void Apply_CollectsFiles_AndPrometheus()
    {
        var options = Parse("apply", "-f", "a.yaml", "-f", "b.yaml", "--prometheus", "http://prom:9090");

        Assert.Equal(SandboxCommand.Apply, options.Command);
        Assert.Equal(["a.yaml", "b.yaml"], options.Files);
        Assert.Equal(new Uri("http://prom:9090"), options.PrometheusUrl);
    }

    [Fact]
    public void PrometheusBinary_ComesFromTheEnvironment_UnlessAFlagSaysOtherwise()
    {
        Assert.Equal("/env/prom", SandboxCommandLine.Parse(["demo"], _ => "/env/prom").PrometheusBinary);
        Assert.Equal("/flag/prom", SandboxCommandLine.Parse(["demo", "--prometheus-bin", "/flag/prom"], _ => "/env/prom").PrometheusBinary);
    }

    [Theory]
    [InlineData("apply")]
    [InlineData("demo", "--bogus")]
    [InlineData("apply", "-f", "x.yaml", "--prometheus", "not-a-url")]
    [InlineData("launch")]
    public void BadCommandLines_AreRejected(params string[] args) => Assert.Throws<ArgumentException>(() => Parse(args));

    [Fact]
    public async Task BadCommandLine_ExitsWithUsage()
    {
        using var error = new StringWriter();
        var code = await SandboxApp.RunAsync(["demo", "--bogus"], _ => throw new InvalidOperationException("no output expected"), _ => null, TimeProvider.System, error, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("unknown flag --bogus", error.ToString(), StringComparison.Ordinal);
    }
}
