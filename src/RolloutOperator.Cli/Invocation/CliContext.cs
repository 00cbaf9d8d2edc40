using System.CommandLine;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Cli.Kube;
using Spectre.Console;

namespace RolloutOperator.Cli.Invocation;

/// <summary>What every command needs from outside: where to write, how to reach the cluster, what time it is.</summary>
internal sealed class CliContext(IAnsiConsole console, TextWriter error, IKubeClientFactory kube, TimeProvider time, TextReader input)
{
    public IAnsiConsole Console { get; } = console;

    public TextWriter Error { get; } = error;

    public TimeProvider Time { get; } = time;

    public TextReader Input { get; } = input;

    public GlobalOptions Global { get; } = new();

    public KubeConnection Connect(ParseResult result, string? component = null) => kube.Connect(Global.Settings(result) with { Component = component });

    /// <summary>
    /// Wraps a command body: expected failures become a message on stderr and their exit code; Ctrl-C while waiting
    /// becomes 130. Unexpected exceptions still surface, because hiding them hides bugs.
    /// </summary>
    public void SetAction(Command command, Func<ParseResult, CancellationToken, Task<int>> body)
    {
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                return await body(result, cancellationToken).ConfigureAwait(false);
            }
            catch (CliException e)
            {
                await Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return e.ExitCode;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Interrupted;
            }
        });
    }
}
