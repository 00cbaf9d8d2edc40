using System.CommandLine;
using System.Globalization;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Cli.Invocation;
using RolloutOperator.Cli.Kube;
using RolloutOperator.Core.Api;
using Spectre.Console;

namespace RolloutOperator.Cli.Commands;

/// <summary>`status NAME [--timeout]`: a CI/CD gate that waits on watch events and exits with a code per outcome.</summary>
internal static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var name = Arguments.Name();
        var timeout = new Option<string?>("--timeout", "-t") { Description = "Give up after this long, e.g. 10m (default: wait forever)" };
        var command = new Command("status", "Wait until the Rollout is healthy and complete (exit 0), aborted (3), degraded (4) or timed out (5)") { name, timeout };
        context.SetAction(command, async (result, ct) =>
        {
            var limit = ParseTimeout(result.GetValue(timeout));
            using var connection = context.Connect(result);
            var api = new RolloutClient(connection.Client);
            using var deadline = limit is { } l ? new CancellationTokenSource(l, context.Time) : new CancellationTokenSource();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
            var waiter = new StatusWaiter(context, api, connection.Namespace, result.GetValue(name)!);
            try
            {
                return await waiter.RunAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                await context.Error.WriteLineAsync($"error: timed out after {result.GetValue(timeout)}: {waiter.LastMessage}").ConfigureAwait(false);
                return ExitCodes.Timeout;
            }
        });
        return command;
    }

    private static TimeSpan? ParseTimeout(string? text)
    {
        if (string.IsNullOrEmpty(text) || text == "0")
        {
            return null;
        }

        return Durations.TryParse(text, out var value) ? value : throw new CliException($"invalid --timeout \"{text}\": use a duration such as 90s or 10m", ExitCodes.Usage);
    }
}
