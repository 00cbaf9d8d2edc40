using System.CommandLine;
using System.CommandLine.Invocation;
using RolloutOperator.Cli.Commands;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Cli.Invocation;
using RolloutOperator.Cli.Kube;
using Spectre.Console;

namespace RolloutOperator.Cli;

/// <summary>
/// The whole plugin behind one call: output goes to the injected console and stderr, the cluster comes from the
/// injected factory, time from the injected clock, and the exit code is returned, never passed to Environment.Exit.
/// </summary>
internal sealed class CliApp(IAnsiConsole console, TextWriter error, IKubeClientFactory kube, TimeProvider time, TextReader? input = null)
{
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var context = new CliContext(console, error, kube, time, input ?? TextReader.Null);
        var root = RootCommandFactory.Create(context);
        var result = root.Parse(args);
        if (result.Action is ParseErrorAction)
        {
            foreach (var parseError in result.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync($"See '{RootCommandFactory.DisplayName} --help'.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration { Output = new ConsoleTextWriter(console), Error = error };
        return await result.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
