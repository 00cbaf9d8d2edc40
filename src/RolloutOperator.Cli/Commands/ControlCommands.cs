using System.CommandLine;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Cli.Invocation;

namespace RolloutOperator.Cli.Commands;

/// <summary>promote, abort, retry, pause, resume, mark-fix: the operator's command channel, one verb each.</summary>
internal static class ControlCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return Promote(context);
        yield return Simple(context, "abort", "Abort the revision being rolled out: traffic goes back to stable");
        yield return Simple(context, "retry", "Retry an aborted revision from the first step");
        yield return Simple(context, "pause", "Pause the rollout at its current step");
        yield return Simple(context, "resume", "Resume a rollout paused with `pause`");
        yield return Simple(context, "mark-fix", "Mark the revision being rolled out as a fix: the error-budget policy does not hold it");
    }

    private static Command Promote(CliContext context)
    {
        var name = Arguments.Name();
        var full = new Option<bool>("--full") { Description = "Skip all remaining steps, pauses and analyses" };
        var command = new Command("promote", "Advance past the current step (or pause); --full promotes the revision at once") { name, full };
        context.SetAction(command, async (result, ct) =>
        {
            using var connection = context.Connect(result);
            var action = result.GetValue(full) ? "promote-full" : "promote";
            return await CommandChannel.SendAsync(context, connection, result.GetValue(name)!, action, ct).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Simple(CliContext context, string action, string description)
    {
        var name = Arguments.Name();
        var command = new Command(action, description) { name };
        context.SetAction(command, async (result, ct) =>
        {
            using var connection = context.Connect(result);
            return await CommandChannel.SendAsync(context, connection, result.GetValue(name)!, action, ct).ConfigureAwait(false);
        });
        return command;
    }
}
