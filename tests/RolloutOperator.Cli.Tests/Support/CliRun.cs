using RolloutOperator.Cli.Kube;
using Spectre.Console.Testing;

namespace RolloutOperator.Cli.Tests.Support;

/// <summary>Runs the plugin in-process: TestConsole for stdout, a StringWriter for stderr, no environment (no KUBECONFIG, no HOME).</summary>
internal static class CliRun
{
    public static async Task<CliResult> RunAsync(IReadOnlyList<string> args, TimeProvider? time = null, string? stdin = null, CancellationToken cancellationToken = default)
    {
        var console = new TestConsole().Width(250);
        using var error = new StringWriter();
        var app = new CliApp(console, error, new KubeClientFactory(_ => null), time ?? TimeProvider.System, new StringReader(stdin ?? ""));
        var exitCode = await app.RunAsync(args, cancellationToken);
        return new CliResult(exitCode, console.Output, error.ToString());
    }

    public static string TestData(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", file);

    public static string Samples => Path.Combine(AppContext.BaseDirectory, "samples");
}
