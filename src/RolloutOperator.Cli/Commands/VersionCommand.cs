using System.CommandLine;
using System.Reflection;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Cli.Invocation;
using RolloutOperator.Core.Api;
using Spectre.Console;

namespace RolloutOperator.Cli.Commands;

internal static class VersionCommand
{
    public static string Version =>
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static Command Create(CliContext context)
    {
        var command = new Command("version", "Print the plugin version and the API version it speaks");
        context.SetAction(command, (_, _) =>
        {
            context.Console.WriteLine($"kubectl-rollout_operator {Version}");
            context.Console.WriteLine($"API: {ApiGroup.ApiVersion}");
            context.Console.WriteLine($"Runtime: .NET {Environment.Version}");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
